"""Word statistics with C speedups."""
