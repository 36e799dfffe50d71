# Sourced by ./augment and augment-spark/augment before they check or build their jar: which Java is on PATH. Sets
# java_major, java_version, java_bin and java_opts_for_version, and exits for a Java older than 17 (before a build
# that would fail with Maven's compiler errors: a re-check, 6 Dec); then user_opts, AUGMENT_JAVA_OPTS's words, checked.
# Defines require_open_files, which each launcher calls before it checks or builds its jar.
# The Java on PATH, read from its release file (no second JVM start): the build targets 17, so an older one is refused
# in one line (it failed with UnsupportedClassVersionError); on 24 and later the JVM prints eight warnings about native
# access and sun.misc.Unsafe (by DJL, ONNX Runtime and Arrow) above augment's own lines, which the two options below
# turn off (a fresh user with Temurin 25, 6 Dec). java_major is left for the launcher (0 when it cannot be told).
# Console output is UTF-8, as every file augment writes is: under a file.encoding of ISO-8859-1 (JAVA_TOOL_OPTIONS on
# some corporate machines) class names such as 日本 printed as "??" in messages and wrote lines (a fresh user, 6 Dec).
# sun.std*.encoding is what Java 17 and 18 read, std*.encoding what 19 and later read.
java_opts_for_version=(-Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 -Dstdout.encoding=UTF-8
  -Dstderr.encoding=UTF-8)
java_major=0
java_bin="$(command -v java || true)"
if [ -z "$java_bin" ] && [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  # no java on PATH gave bash's "line 117: exec: java: not found", exit 127, with a JDK in JAVA_HOME (7 Dec)
  PATH="$JAVA_HOME/bin:$PATH"
  java_bin="$JAVA_HOME/bin/java"
fi
if [ -z "$java_bin" ]; then
  echo "augment: no java on PATH (and no JAVA_HOME with bin/java); install a Java 17 or later (e.g. apt-get install" \
    "openjdk-17-jdk-headless) or put one first on PATH" >&2
  exit 1
fi
if [ -n "$java_bin" ]; then
  java_release="$(dirname "$(dirname "$(readlink -f "$java_bin")")")/release"
  if [ -f "$java_release" ]; then
    java_version="$(sed -n 's/^JAVA_VERSION="\([^"]*\)"/\1/p' "$java_release")"
    java_major="${java_version%%.*}"
    case "$java_major" in ''|*[!0-9]*) java_major=0 ;; esac
  fi
  if [ "$java_major" = 0 ]; then
    # a version manager's shim (asdf, jenv) has no release file beside it: ask the JVM, one short start
    # (|| true: a java that fails, such as a shim with no version set, ended the script without a word: 7 Dec)
    java_said="$("$java_bin" -XshowSettings:properties -version 2>&1 || true)"
    java_version="$(printf '%s\n' "$java_said" \
      | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1 || true)"
    java_major="${java_version:-0}"
    case "$java_major" in ''|*[!0-9]*) java_major=0 ;; esac
    if [ "$java_major" = 0 ] && ! "$java_bin" -version >/dev/null 2>&1; then
      echo "augment: $java_bin does not run (it says: $(printf '%s' "$java_said" | head -n 1)); put a working Java 17" \
        "(or later) first on PATH" >&2
      exit 1
    fi
  fi
fi
if [ "$java_major" -gt 0 ] && [ "$java_major" -lt 17 ]; then
  echo "augment: needs Java 17 or later, but $java_bin is Java $java_version; put a Java 17 (or later) first on PATH" >&2
  exit 1
fi
if [ "$java_major" -ge 24 ]; then
  java_opts_for_version+=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
fi
# AUGMENT_JAVA_OPTS is split at spaces into user_opts, never glob-expanded (a '*' or '?' stays as written), and
# checked here, before a build: a word the JVM takes as an action of its own (-version, --dry-run, -help, -X) ended a
# generate with exit 0 and nothing done, and a word without a dash (quotes kept by an env file: "-Xmx3g") gave the
# JVM's "Could not find or load main class" (a fresh user, 6 Dec). Both are refused in one line, exit 2. A word
# without a dash is taken after a "--name" option that takes a value, Java's "--add-opens VALUE" form; any other
# "--name" (an augment option such as --class put here gave the JVM's three lines: a re-check, 6 Dec) is refused.
set -f
# shellcheck disable=SC2206
user_opts=(${AUGMENT_JAVA_OPTS:-})
set +f
previous_opt=""
for opt in "${user_opts[@]}"; do
  case "$opt" in
    -version|--version|-help|--help|-h|-\?|-X|-Xlog:help|--help-extra|--dry-run|--list-modules|--validate-modules\
|-jar|-cp|-classpath|--class-path|-d|--describe-module|-m|--module|--module=*|--class-path=*|--describe-module=*)
      echo "augment: AUGMENT_JAVA_OPTS holds '$opt', which makes java do something other than run augment (or" \
        "replaces its class path); take it out, and run java $opt yourself if you meant it" >&2
      exit 2 ;;
    --add-opens|--add-exports|--add-reads|--add-modules|--enable-native-access|--module-path|--upgrade-module-path\
|--limit-modules|--patch-module|--source|--illegal-native-access|--sun-misc-unsafe-memory-access|--enable-preview\
|--show-version|--show-module-resolution|--disable-@files|--add-opens=*|--add-exports=*|--add-reads=*\
|--add-modules=*|--enable-native-access=*|--module-path=*|--upgrade-module-path=*|--limit-modules=*\
|--patch-module=*|--source=*|--illegal-native-access=*|--sun-misc-unsafe-memory-access=*) ;;
    --*)
      echo "augment: AUGMENT_JAVA_OPTS holds '$opt', which is not a java option; if it is one of augment's, give" \
        "it after the command (e.g. ./augment generate ${opt%%=*} ...), and keep only java options there" >&2
      exit 2 ;;
    -*) ;;
    *)
      case "$previous_opt" in
        --*=*|-[!-]*|--enable-preview|--show-version|--show-module-resolution|--disable-@files|"")
          case "$opt" in
            \"*|\'*) hint="its quotes are kept as part of the word (an env file's quoting): write it without them" ;;
            *) case "$previous_opt" in
                 # a path with a space after -D...=: the README's fix for the temporary folder was not named (6 Dec)
                 -Djava.io.tmpdir=*) hint="AUGMENT_JAVA_OPTS is split at spaces, so '$previous_opt $opt' cannot be"
                   hint="$hint given there; a temporary folder whose path holds a space goes in TMPDIR, e.g."
                   hint="$hint TMPDIR=\"${previous_opt#-Djava.io.tmpdir=} $opt\" $0 ..." ;;
                 -Daugment.cache.dir=*) hint="AUGMENT_JAVA_OPTS is split at spaces, so '$previous_opt $opt' cannot"
                   hint="$hint be given there; a cache folder whose path holds a space goes in XDG_CACHE_HOME (augment"
                   hint="$hint uses its augment/ folder), e.g. XDG_CACHE_HOME=\"${previous_opt#-Daugment.cache.dir=} $opt\"" ;;
                 -D*=*) hint="AUGMENT_JAVA_OPTS is split at spaces, so a value with a space ('$previous_opt $opt')"
                   hint="$hint cannot be given there; give one without a space" ;;
                 *) hint="every word there is a java option starting with '-', e.g. AUGMENT_JAVA_OPTS=\"-Xmx6g\"" ;;
               esac ;;
          esac
          echo "augment: AUGMENT_JAVA_OPTS holds '$opt', which is not a java option; $hint" >&2
          exit 2 ;;
      esac ;;
  esac
  previous_opt="$opt"
done
# -Xlog with no output and -verbose:gc write to standard output, into results such as `inspect --json > x.json`,
# which then did not parse, with exit 0 (a fresh user, 7 Dec): they are sent to standard error.
# Likewise the older forms that map to them (-XX:+PrintGC, -XX:+PrintGCDetails, -verbose, -verbose:class) and an
# empty output field (-Xlog:gc::uptime, a re-check); -Xlog:async (a mode, not a selection) is left as it is.
for i in "${!user_opts[@]}"; do
  case "${user_opts[$i]}" in
    -verbose:gc|-XX:+PrintGC) user_opts[i]="-Xlog:gc:stderr" ;;
    -XX:+PrintGCDetails) user_opts[i]="-Xlog:gc*:stderr" ;;
    -verbose|-verbose:class) user_opts[i]="-Xlog:class+load=info,class+unload=info:stderr" ;;
    -verbose:*)
      # -verbose:jni and -verbose:module write to standard output too, and have no one -Xlog form (a re-check)
      echo "augment: AUGMENT_JAVA_OPTS holds '${user_opts[$i]}', which writes to standard output, into results" \
        "such as inspect --json; give its -Xlog form with :stderr instead (e.g. -Xlog:jni+resolve=debug:stderr)" >&2
      exit 2 ;;
    -Xlog) user_opts[i]="-Xlog:all=info:stderr" ;;
    -Xlog:disable|-Xlog:async|-Xlog:async:*) ;;
    -Xlog:*::*) user_opts[i]="${user_opts[$i]%%::*}:stderr:${user_opts[$i]#*::}" ;;
    -Xlog:*:*) ;;
    -Xlog:*) user_opts[i]="${user_opts[$i]}:stderr" ;;
  esac
done
# Under a virtual-memory limit (ulimit -v, as login nodes set) every command failed with the JVM's "Could not reserve
# enough space for 2621440KB object heap", naming neither the launcher's heap nor how to change it (7 Dec). Called
# with the launcher's heap in MB; the last -Xmx of AUGMENT_JAVA_OPTS wins, as it does for java. A note only: the
# JVM's own need beyond the heap (about 2 GB of reserved class space, code and stacks) is an estimate.
# A size as -Xmx takes it (whole numbers with an optional k, m, g or t; a re-check: 1.5g and 08g made bash's arithmetic
# fail; 10# reads 08) in MB, or nothing when it is not one.
size_in_mb() {
  local number="${1%[kKmMgGtT]}"
  case "$number" in ''|*[!0-9]*) return 0 ;; esac
  case "$1" in
    *[tT]) echo $(( 10#$number * 1048576 )) ;;
    *[gG]) echo $(( 10#$number * 1024 )) ;;
    *[mM]) echo $(( 10#$number )) ;;
    *[kK]) echo $(( 10#$number / 1024 )) ;;
    *) echo $(( 10#$number / 1048576 )) ;;
  esac
}
require_address_space() {
  local limit heap classes opt need torch arg advice smaller
  limit="$(ulimit -v)"
  [ "$limit" = unlimited ] && return 0
  heap="$1"
  classes=1024
  shift
  # the command (the first argument that is no option): train, evaluate, bench and score (its CNN judge) load PyTorch,
  # which needs about 2.2 GB more; between heap + 2 GB and that, train died in native code (std::bad_alloc, exit 134)
  # without the note (re-checks, 7 Dec)
  torch=""
  for arg in "$@"; do
    case "$arg" in
      -*) continue ;;
      train|evaluate|bench|score) torch="$arg" ;;
    esac
    break
  done
  for opt in "${user_opts[@]}"; do
    case "$opt" in
      -Xmx*) heap="$(size_in_mb "${opt#-Xmx}")" ;;
      -XX:MaxHeapSize=*) heap="$(size_in_mb "${opt#-XX:MaxHeapSize=}")" ;;
      -XX:CompressedClassSpaceSize=*) classes="$(size_in_mb "${opt#-XX:CompressedClassSpaceSize=}")" ;;
    esac
  done
  [ -n "$heap" ] && [ -n "$classes" ] || return 0
  # about 2 GB beyond the heap: the compressed class space (1 GB unless set), code cache, thread stacks and native
  # libraries (with 1.5 GB the JVM still died under a limit the note let pass: a re-check, 7 Dec)
  need=$(( heap + classes + 1024 ))
  [ -z "$torch" ] || need=$(( need + 512 ))
  if [ "$limit" -lt $(( need * 1024 )) ]; then
    # the settings that shrink what Java reserves, never a heap larger than the user's (-Xmx256m was told -Xmx512m,
    # and with a small heap no setting was named though the class space alone fitted the run: re-checks, 7 Dec)
    smaller=$(( heap < 512 ? heap : 512 ))
    advice=""
    if [ "$classes" -gt 64 ]; then
      advice="-Xmx${smaller}m -XX:CompressedClassSpaceSize=64m"
    elif [ "$heap" -gt 512 ]; then
      advice="-Xmx512m"
    fi
    echo "augment: note: the virtual memory limit (ulimit -v) is $((limit / 1024)) MB, and Java needs about" \
      "$need MB of address space for a $heap MB heap${torch:+ and the PyTorch that $torch loads}; if it cannot" \
      "start, raise the limit${advice:+ or reserve less, e.g. AUGMENT_JAVA_OPTS=\"$advice\"}" >&2
  fi
}
# The JVM keeps every jar of its class path open, and augment then opens its inputs, outputs and native libraries: under
# a low open-file limit (`ulimit -n 64`) it ended in a NoClassDefFoundError and a stack trace that read as a broken
# install, and a build (javac opens as many) in pages of "Too many open files" (a fresh user, 6 Dec). Each launcher
# calls this with its class path's jar count before it checks or builds its jar.
require_open_files() {
  local limit
  limit="$(ulimit -n)"
  if [ "$limit" != unlimited ] && [ "$limit" -lt $(($1 + 128)) ]; then
    echo "augment: the open-file limit (ulimit -n) is $limit, and Java alone keeps $1 library jars open; raise it" \
      "(e.g. ulimit -n 4096) and run again" >&2
    exit 1
  fi
}
