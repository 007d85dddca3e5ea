use pyo3::prelude::*;

/// From PyO3 0.28 modules support free-threaded Python unless they opt out.
#[pyo3::pymodule]
mod rustext {
    #[pymodule_export]
    const ANSWER: i64 = 42;
}
