from multiprocessing import Pool


def count_primes(bounds: tuple[int, int]) -> int:
    lo, hi = bounds
    found = 0
    for n in range(max(lo, 2), hi):
        if all(n % d for d in range(2, int(n**0.5) + 1)):
            found += 1
    return found


def main() -> None:
    chunks = [(i, i + 50_000) for i in range(0, 1_000_000, 50_000)]
    with Pool() as pool:
        print(sum(pool.map(count_primes, chunks)))


if __name__ == "__main__":
    main()
