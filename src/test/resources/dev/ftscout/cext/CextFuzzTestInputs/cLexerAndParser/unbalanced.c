#if 0
R"x( /* \
#else
static int f(void) {
#endif
}
