#!/usr/bin/env bash
# The configure-time rules of resources/changelog (cmake/DebianChangelog.cmake, read through
# read_changelog.cmake): the release and date CMake reads are dpkg-parsechangelog's, for the
# project's changelog and for dates in other zones, single-digit days and a leap day; a
# changelog whose newest entry is another version, or whose trailer is not in the format,
# stops the configuration with a message that says so.
#
#   check_changelog.sh SOURCE_DIR PROJECT_VERSION [CMAKE]
#
# Exit status 0 when every check passes; otherwise each failure is printed and it is 1.

set -euo pipefail
export LC_ALL=C.UTF-8

source_dir=${1:?usage: check_changelog.sh SOURCE_DIR PROJECT_VERSION [CMAKE]}
project_version=${2:?missing PROJECT_VERSION}
cmake=${3:-cmake}
command -v dpkg-parsechangelog >/dev/null ||
    { echo "FAIL: needs dpkg-parsechangelog (Debian package dpkg-dev)" >&2; exit 1; }

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/coroscope-changelog.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# read_changelog FILE VERSION: what the build reads ("RELEASE EPOCH"), its messages on
# stderr with CMake's line wrapping undone.
read_changelog() {
    "$cmake" -DCHANGELOG="$1" -DVERSION="$2" -P "$source_dir/tests/package/read_changelog.cmake" \
        2>"$scratch/stderr"
    local status=$?
    tr -s ' \n' ' ' <"$scratch/stderr" | sed 's/^ //; s/ $//' >"$scratch/message"
    return $status
}
# same_as_dpkg FILE VERSION: CMake reads FILE as dpkg-parsechangelog does.
same_as_dpkg() {
    local release want got
    release=$(dpkg-parsechangelog -l "$1" -S Version | sed 's/.*-//')
    want="$release $(dpkg-parsechangelog -l "$1" -S Timestamp)"
    if read_changelog "$1" "$2"; then
        got=$(cat "$scratch/message")
        [[ $got == "$want" ]] || fail "$1: CMake reads '$got', dpkg-parsechangelog '$want'"
    else
        fail "$1: CMake refuses it: $(cat "$scratch/message")"
    fi
}
entry() { # entry VERSION DATE: a one-entry changelog
    printf 'coroscope (%s) unstable; urgency=medium\n\n  * A change.\n\n' "$1"
    printf ' -- The Coroscope authors <coroscope@users.noreply.github.com>  %s\n' "$2"
}

same_as_dpkg "$source_dir/resources/changelog" "$project_version"
number=0
for date in 'Thu, 01 Jan 1970 00:00:00 +0000' 'Mon, 29 Feb 2016 23:59:59 -0130' \
    'Sat, 1 Mar 2025 08:09:05 +0530' 'Fri, 31 Dec 1999 23:00:00 +0100'; do
    number=$((number + 1))
    entry 1.2.3-4 "$date" >"$scratch/dated$number"
    same_as_dpkg "$scratch/dated$number" 1.2.3
done

# refused FILE VERSION TEXT: CMake stops on FILE, saying TEXT.
refused() {
    if read_changelog "$1" "$2" >/dev/null; then
        fail "$1 (project version $2) is accepted"
    elif ! grep -qF -- "$3" "$scratch/message"; then
        fail "$1 (project version $2) is refused without saying '$3': $(cat "$scratch/message")"
    fi
}
refused "$source_dir/resources/changelog" "$project_version.1" \
    "the newest entry is version $project_version, the project is $project_version.1"
entry 1.2.3-4 '25 Nov 2026' >"$scratch/undated"
refused "$scratch/undated" 1.2.3 "undated:5: the trailer line is not"
entry 1.2.3 'Wed, 25 Nov 2026 12:00:00 +0000' >"$scratch/native"
refused "$scratch/native" 1.2.3 "native:1: 'coroscope (1.2.3) unstable"

if ((failures)); then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "the changelog's rules: every check passed"
