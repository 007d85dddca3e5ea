# cython: language_level=3, freethreading_compatible=True

def double(int x):
    return 2 * x
