use pyo3::prelude::*;

/* In 0.23-0.27 a module without gil_used = false /* (nested comment) */ still needs the GIL. */
#[pymodule] // expect: FT201
fn rustext<'py>(m: &Bound<'py, PyModule>) -> PyResult<()> {
    let s = r#"#[pymodule(gil_used = false)]"#;
    m.add("note", s)?;
    let c = '"';
    m.add("quote", c.to_string())?;
    Ok(())
}
