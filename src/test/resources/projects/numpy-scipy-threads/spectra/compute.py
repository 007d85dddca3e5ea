from concurrent.futures import ThreadPoolExecutor

import numpy as np
from scipy import signal


def spectrum(seed: int) -> float:
    rng = np.random.default_rng(seed)
    samples = rng.standard_normal(1 << 16)
    _, power = signal.welch(samples, nperseg=1024)
    return float(power.mean())


def all_spectra(n: int) -> list[float]:
    with ThreadPoolExecutor() as pool:
        return list(pool.map(spectrum, range(n)))
