# expect: FT201
def first():
    return 1

# cython: freethreading_compatible=True
# (a directive comment after code is an ordinary comment for Cython)
