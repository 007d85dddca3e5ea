use pyo3::prelude::*;

#[pymodule]
#[pyo3(name = "_ext", gil_used = false)]
fn ext(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("answer", 42)?;
    Ok(())
}
