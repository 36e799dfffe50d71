# Sourced by ./augment and augment-spark/augment just before they start Java: the locale and the C library's
# malloc settings every augment JVM runs under. Sets and exports LC_ALL or LC_CTYPE, and GLIBC_TUNABLES.
# Java names files in the charset of the locale: under a non-UTF-8 one (LC_ALL=C, POSIX) it cannot write a
# class folder such as "犬". Run it under C.UTF-8 then, changing only the character type. A locale that is not
# installed (LANG=de_DE.UTF-8 on a machine without it) is worse: the C library then falls back to plain C for every
# category, Java to ASCII, and every path with a non-ASCII letter is refused; then all of it becomes C.UTF-8.
if [ "$(uname -s)" = Linux ] && command -v locale >/dev/null 2>&1; then
  if [ "$(locale charmap 2>/dev/null)" != UTF-8 ]; then
    # (the warnings captured whole: `locale | grep -q .` under the launchers' pipefail failed when grep quit first
    # and locale died of SIGPIPE, about 1 launch in 50, and LC_CTYPE alone leaves Java's file names ASCII: a re-check,
    # 6 Dec)
    if [ -n "${LC_ALL:-}" ] || [ -n "$(locale 2>&1 >/dev/null)" ]; then
      export LC_ALL=C.UTF-8
    else
      export LC_CTYPE=C.UTF-8
    fi
  fi
fi
# glibc's malloc hands large freed blocks straight back to the kernel (mmap/munmap above a threshold that starts at
# 128 KiB, and trimming the heap's top), so PyTorch's per-step tensors fault in fresh pages step after step until its
# dynamic threshold catches up, which in a fresh process can take thousands of steps. Measured here (4 Dec, `augment
# score --classifier cnn --cnn-steps 4000`): 371 s with 29 million page faults and 204 s of system time, against 146 s
# with both thresholds raised, its output byte-identical (README "Memory allocator settings"). Memory kept for reuse
# is kept per arena, and glibc makes up to eight per core for java's many threads: two arenas cut the peak of two
# seeds of `evaluate --trainer logistic,forest` from 7 505 844 to 6 519 196 kB (time -v) at the same speed. A GLIBC_TUNABLES of the user's
# own is kept, and each of these three is added to it unless it sets that key itself.
tunables="${GLIBC_TUNABLES:-}"
for tunable in glibc.malloc.mmap_threshold=33554432 glibc.malloc.trim_threshold=4294967296 glibc.malloc.arena_max=2; do
  case ":$tunables:" in
    *":${tunable%%=*}="*) ;;
    *) tunables="${tunables:+$tunables:}$tunable" ;;
  esac
done
export GLIBC_TUNABLES="$tunables"
