use pyo3::prelude::*;

#[pymodule(gil_used = true)] // expect: FT201
fn rustext(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("answer", 42)?;
    Ok(())
}
