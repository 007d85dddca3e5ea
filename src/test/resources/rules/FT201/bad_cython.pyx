# expect: FT201
# cython: language_level=3
# A header without freethreading_compatible; the word in a string below does not count.
NOTE = "# cython: freethreading_compatible=True"

def double(int x):
    return 2 * x
