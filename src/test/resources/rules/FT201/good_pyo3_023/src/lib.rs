use pyo3::prelude::*;

#[pymodule(gil_used = false)]
fn rustext(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("answer", 42)?;
    Ok(())
}
