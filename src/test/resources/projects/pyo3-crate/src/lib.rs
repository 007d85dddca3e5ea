use pyo3::prelude::*;

#[pyfunction]
fn count(text: &str) -> usize {
    text.split_whitespace().count()
}

#[pymodule]
fn tokencount(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(count, m)?)?;
    Ok(())
}
