#!/usr/bin/env bash
# Builds the Debian package from an existing build folder and checks what a distribution
# would: the files and their modes, the computed dependencies, the desktop entry, the
# AppStream metadata, the man page against the program's --help, the scenario file type,
# the icons, the copyright file and the changelog; the installed programs (no RUNPATH; the
# launcher links no Qt); that lintian has nothing to say; that two builds give the same
# bytes; and that `cmake --install` installs the same tree.
#
#   check_package.sh BUILD_DIR SOURCE_DIR COROSCOPE [CPACK] [CMAKE]
#
# Exit status 0 when every check passes; otherwise each failure is printed and it is 1.

set -euo pipefail
export LC_ALL=C.UTF-8

build=${1:?usage: check_package.sh BUILD_DIR SOURCE_DIR COROSCOPE [CPACK] [CMAKE]}
source_dir=${2:?missing SOURCE_DIR}
program=${3:?missing COROSCOPE}
cpack=${4:-cpack}
cmake=${5:-cmake}

app_id=io.github.coroscope.Coroscope
icon_sizes=(16 22 24 32 48 64 128 256)

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
step() { echo "-- $*"; }
# be32 FILE OFFSET: the big-endian 32-bit number at OFFSET (a PNG's width is at 16, height 20).
be32() { od -An -tu1 -j "$2" -N4 "$1" | awk '{ print (($1 * 256 + $2) * 256 + $3) * 256 + $4 }'; }

# Every tool first, so that a machine without them says what to install, all at once.
missing=()
need() { # need TOOL DEBIAN-PACKAGE
    command -v "$1" >/dev/null 2>&1 || missing+=("$1 (Debian package $2)")
}
need dpkg-deb dpkg
need dpkg-shlibdeps dpkg-dev
need dpkg-parsechangelog dpkg-dev
need lintian lintian
need readelf binutils
need desktop-file-validate desktop-file-utils
need appstreamcli appstream
need man man-db
need groff groff-base
need xmllint libxml2-utils
need update-mime-database shared-mime-info
need gio libglib2.0-bin
need gzip gzip
need od coreutils
need cmp diffutils
if ((${#missing[@]})); then
    echo "FAIL: the package test needs these tools, missing here:" >&2
    printf '  %s\n' "${missing[@]}" >&2
    exit 1
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/coroscope-package.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

version=$("$program" --version | awk '{ print $2 }')
[[ -n $version ]] || { echo "FAIL: '$program --version' printed no version" >&2; exit 1; }
# The package's version is the changelog's newest, the program's version and a release.
package_version=$(dpkg-parsechangelog -l "$source_dir/resources/changelog" -S Version)
[[ $package_version =~ ^"$version"-[0-9]+$ ]] ||
    fail "resources/changelog's newest version is '$package_version', the program is $version"

# The package. -B keeps cpack's staging tree and the .deb out of the build folder, so that
# two runs (or a developer's own cpack) never meet. SOURCE_DATE_EPOCH unset: the build takes
# its time stamps from the changelog.
build_deb() { # build_deb DIR: cpack into DIR, the .deb's path on stdout
    if ! env -u SOURCE_DATE_EPOCH "$cpack" --config "$build/CPackConfig.cmake" -G DEB -B "$1" \
        >"$1.log" 2>&1; then
        cat "$1.log" >&2
        echo "FAIL: cpack could not build the package" >&2
        exit 1
    fi
    local debs=("$1"/coroscope_*.deb)
    if [[ ${#debs[@]} -ne 1 || ! -f ${debs[0]} ]]; then
        echo "FAIL: expected one coroscope_*.deb, cpack made: $(ls "$1")" >&2
        exit 1
    fi
    echo "${debs[0]}"
}
step "cpack -G DEB"
deb=$(build_deb "$scratch/cpack")
arch=$(dpkg --print-architecture)
[[ $(basename "$deb") == "coroscope_${package_version}_${arch}.deb" ]] ||
    fail "package file named $(basename "$deb"), not coroscope_${package_version}_${arch}.deb"

# Its files: exactly these, owned by root, programs 0755 and data 0644.
step "files"
expected_files=(
    ./usr/bin/coroscope
    ./usr/libexec/coroscope/coroscope
    "./usr/share/applications/$app_id.desktop"
    ./usr/share/doc/coroscope/changelog.Debian.gz
    ./usr/share/doc/coroscope/copyright
    ./usr/share/icons/hicolor/scalable/apps/coroscope.svg
    ./usr/share/lintian/overrides/coroscope
    ./usr/share/man/man1/coroscope.1.gz
    "./usr/share/metainfo/$app_id.metainfo.xml"
    ./usr/share/mime/packages/coroscope-scenario.xml
)
for module in __init__ __main__ awaited hooks recording; do
    expected_files+=("./usr/share/coroscope/python/coroscope_record/$module.py")
done
for size in "${icon_sizes[@]}"; do
    expected_files+=("./usr/share/icons/hicolor/${size}x${size}/apps/coroscope.png")
done
dpkg-deb -c "$deb" >"$scratch/contents"
# Columns: mode owner/group size date time path.
awk '$1 !~ /^d/ { print $6 }' "$scratch/contents" | sort >"$scratch/files"
printf '%s\n' "${expected_files[@]}" | sort >"$scratch/expected"
if ! diff -u "$scratch/expected" "$scratch/files" >"$scratch/files.diff"; then
    fail "the package's files differ from the expected ones (- expected, + packaged):"
    cat "$scratch/files.diff" >&2
fi
while read -r mode owner _ _ _ path _; do
    [[ $owner == root/root ]] || fail "$path is owned by $owner, not root/root"
    case $mode in
    d*) [[ $mode == drwxr-xr-x ]] || fail "directory $path has mode $mode, not drwxr-xr-x" ;;
    *) if [[ $path == ./usr/bin/* || $path == ./usr/libexec/* ]]; then want=-rwxr-xr-x
       else want=-rw-r--r--; fi
       [[ $mode == "$want" ]] || fail "$path has mode $mode, not $want" ;;
    esac
done <"$scratch/contents"

# The control fields; Depends must come from dpkg-shlibdeps (the Qt libraries it links).
step "control fields"
field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == coroscope ]] || fail "Package is '$(field Package)', not coroscope"
[[ $(field Version) == "$package_version" ]] ||
    fail "Version is '$(field Version)', not $package_version"
[[ $(field Architecture) == "$arch" ]] || fail "Architecture is '$(field Architecture)'"
depends=$(field Depends)
for library in libc6 libqt6core6 libqt6gui6 libqt6widgets6 libgif7 libsimdjson14; do
    named="(^|[ ,])$library([ ,(]|\$)"
    [[ $depends =~ $named ]] ||
        fail "Depends does not name $library (dpkg-shlibdeps not run?): $depends"
done
# The SVG export is our own writer: the program no longer needs Qt's SVG module.
[[ ! $depends =~ libqt6svg6 ]] || fail "Depends names libqt6svg6, which nothing links: $depends"
# Recommended, not required: the timeline's typeface and the recorder's interpreter.
recommends=$(field Recommends)
for package in fonts-roboto-unhinted python3; do
    named="(^|[ ,])$package([ ,(]|\$)"
    [[ $recommends =~ $named ]] || fail "Recommends does not name $package: $recommends"
done
for name in Maintainer Section Homepage Description; do
    [[ -n $(field "$name") ]] || fail "the control file has no $name"
done

step "dpkg-deb -x"
root=$scratch/root
dpkg-deb -x "$deb" "$root"
share=$root/usr/share

# `cmake --install` installs the same tree as the package.
step "cmake --install"
DESTDIR=$scratch/install "$cmake" --install "$build" --prefix /usr >"$scratch/install.log" 2>&1 ||
    { cat "$scratch/install.log" >&2; fail "cmake --install failed"; }
(cd "$scratch/install" && find . ! -type d | sort) >"$scratch/installed"
diff -u "$scratch/files" "$scratch/installed" >"$scratch/install.diff" ||
    { fail "cmake --install installs other files than the package (- package, + install):"
      cat "$scratch/install.diff" >&2; }

# The desktop entry: valid, and naming the program, icon and file type this package ships.
step "desktop entry"
desktop=$share/applications/$app_id.desktop
if [[ -f $desktop ]]; then
    # Hints are advice; errors and warnings are not.
    if ! desktop-file-validate "$desktop" >"$scratch/desktop.log" 2>&1 ||
        grep -v ': hint: ' "$scratch/desktop.log" | grep -q .; then
        fail "desktop-file-validate:"
        cat "$scratch/desktop.log" >&2
    fi
    desktop_key() { sed -n "s/^$1=//p" "$desktop" | head -n 1; }
    exec_line=$(desktop_key Exec)
    [[ ${exec_line%% *} == coroscope && -x $root/usr/bin/coroscope ]] ||
        fail "Exec=$exec_line does not start the packaged /usr/bin/coroscope"
    [[ $exec_line =~ %[fFuU] ]] || fail "Exec=$exec_line takes no file: scenarios cannot be opened"
    [[ $(desktop_key Icon) == coroscope ]] || fail "Icon is '$(desktop_key Icon)', not coroscope"
    [[ $(desktop_key MimeType) == *application/x-coroscope-scenario\;* ]] ||
        fail "MimeType does not list application/x-coroscope-scenario"
fi

# The AppStream metadata: valid with every issue short of pedantic fatal, on its own and with
# the desktop entry and icons beside it; one licence throughout; the newest release is ours.
step "AppStream metainfo"
metainfo=$share/metainfo/$app_id.metainfo.xml
if [[ -f $metainfo ]]; then
    appstreamcli validate --no-net --strict "$metainfo" >"$scratch/metainfo.log" 2>&1 ||
        { fail "appstreamcli validate:"; cat "$scratch/metainfo.log" >&2; }
    appstreamcli validate-tree --no-net --strict "$root" >"$scratch/tree.log" 2>&1 ||
        { fail "appstreamcli validate-tree:"; cat "$scratch/tree.log" >&2; }
    xml_text() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$metainfo" | head -n 1; }
    [[ $(xml_text id) == "$app_id" ]] || fail "the metainfo's id is '$(xml_text id)'"
    grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
        fail "the metainfo does not launch $app_id.desktop"
    project_license=$(xml_text project_license)
    copyright_license=$(sed -n 's/^License: //p' "$share/doc/coroscope/copyright" | head -n 1)
    [[ -n $project_license && $project_license == "$copyright_license" ]] ||
        fail "project_license '$project_license' differs from the copyright file's" \
            "'$copyright_license'"
    newest_release=$(sed -n 's/.*<release [^>]*version="\([^"]*\)".*/\1/p' "$metainfo" | head -n 1)
    [[ $newest_release == "$version" ]] ||
        fail "the metainfo's newest release is '$newest_release', the program is $version"
    release_date=$(sed -n 's/.*<release [^>]*date="\([^"]*\)".*/\1/p' "$metainfo" | head -n 1)
    changelog_date=$(date -u -d "@$(dpkg-parsechangelog -l "$source_dir/resources/changelog" \
        -S Timestamp)" +%F)
    [[ $release_date == "$changelog_date" ]] ||
        fail "the metainfo's newest release is dated '$release_date', the changelog's" \
            "$changelog_date"
    # Screenshots: files of this repository, by the raw address of its homepage's main branch,
    # each a PNG of the size the metainfo gives.
    repository=$(sed -n 's:.*<url type="homepage">https\://github.com/\(.*\)</url>.*:\1:p' \
        "$metainfo")
    raw="https://raw.githubusercontent.com/$repository/main/"
    image='.*<image type="source" width="\([0-9]*\)" height="\([0-9]*\)">\(.*\)</image>.*'
    sed -n "s:$image:\\1 \\2 \\3:p" "$metainfo" >"$scratch/screenshots"
    grep -c '<image' "$metainfo" | grep -qx "$(wc -l <"$scratch/screenshots")" ||
        fail "a screenshot's <image> is not type=\"source\" with its width and height"
    [[ -s $scratch/screenshots ]] || fail "the metainfo has no screenshots"
    while read -r width height url; do
        file=$source_dir/${url#"$raw"}
        if [[ $url != "$raw"* || ! -f $file ]]; then
            fail "screenshot $url is not a file of $raw"
        elif [[ $(be32 "$file" 16)x$(be32 "$file" 20) != "${width}x$height" ]]; then
            fail "screenshot $url is $(be32 "$file" 16)x$(be32 "$file" 20), the metainfo says" \
                "${width}x$height"
        fi
    done <"$scratch/screenshots"
fi

# The man page: no warnings from man or groff, and every option --help lists documented.
step "man page"
manpage=$share/man/man1/coroscope.1.gz
if [[ -f $manpage ]]; then
    gzip -dc "$manpage" >"$scratch/coroscope.1"
    MANWIDTH=80 man --warnings -E UTF-8 -l "$scratch/coroscope.1" >/dev/null 2>"$scratch/man.log" ||
        true
    groff -man -ww -z "$scratch/coroscope.1" 2>>"$scratch/man.log" || true
    if [[ -s $scratch/man.log ]]; then
        fail "man/groff warn about the man page:"
        cat "$scratch/man.log" >&2
    fi
    # Plain text: no bold or underline overstrikes, ASCII hyphens.
    groff -man -Tascii -P-c -P-b -P-o -P-u "$scratch/coroscope.1" 2>/dev/null >"$scratch/man.txt"
    "$program" --help >"$scratch/help.txt"
    # The option column: "  -h, --help", "  --scenario <FILE>".
    options=$(grep -oE '^ +(-[a-z], )?--[a-z][a-z-]*' "$scratch/help.txt" |
        grep -oE -- '-[a-z-]+' || true)
    [[ -n $options ]] || fail "found no options in '$program --help'"
    for option in $options; do
        grep -qE -- "(^|[^a-z-])$option([^a-z-]|\$)" "$scratch/man.txt" ||
            fail "the man page does not document $option (listed by --help)"
    done
    for heading in NAME SYNOPSIS DESCRIPTION OPTIONS 'EXIT STATUS' FILES EXAMPLES; do
        grep -q "^$heading\$" "$scratch/man.txt" || fail "the man page has no $heading section"
    done
    # shellcheck disable=SC2088 # the page's text, not this user's folder
    grep -qF '~/.local/share/Coroscope/coroscope/autosave' "$scratch/man.txt" ||
        fail "the man page's FILES do not name the autosave folder"
fi

# The scenario file type: well-formed, accepted by update-mime-database, a low-weight *.json
# glob plus the magic; and as a desktop sees it (GLib's type detection, over the system's
# database and this one): scenarios, pretty-printed or compact, are claimed, other JSON that
# merely holds the string is not.
step "MIME type"
mime_xml=$share/mime/packages/coroscope-scenario.xml
if [[ -f $mime_xml ]]; then
    if ! xmllint --noout "$mime_xml" 2>"$scratch/xml.log"; then
        fail "xmllint:"
        cat "$scratch/xml.log" >&2
    fi
    mkdir -p "$scratch/mime/packages"
    cp "$mime_xml" "$scratch/mime/packages/"
    # It reports errors but exits 0: any output is a failure. The XDG variables point at the
    # scratch database only to keep it from noting that no application would look there.
    XDG_DATA_HOME=$scratch XDG_DATA_DIRS=$scratch \
        update-mime-database "$scratch/mime" >"$scratch/mime.log" 2>&1 || true
    if ! grep -q . "$scratch/mime.log"; then
        grep -qx '10:application/x-coroscope-scenario:\*\.json' "$scratch/mime/globs2" ||
            fail "no *.json glob of weight 10 for application/x-coroscope-scenario"
        grep -q 'application/json' "$scratch/mime/subclasses" ||
            fail "application/x-coroscope-scenario is not a sub-class of application/json"
    else
        fail "update-mime-database refuses coroscope-scenario.xml:"
        cat "$scratch/mime.log" >&2
    fi
    content_type() { # content_type FILE: the MIME type a desktop gives FILE
        XDG_DATA_HOME=$scratch/no-home XDG_DATA_DIRS=$scratch:/usr/share \
            gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'
    }
    mkdir -p "$scratch/json"
    cp "$source_dir/resources/scenarios/default.json" "$scratch/json/default.json"
    printf '{"format":"coroscope-scenario","version":1,"tasks":[]}\n' >"$scratch/json/compact.json"
    printf '{"kind":"coroscope-scenario"}\n' >"$scratch/json/kind.json"
    printf '{"format": "other", "note": "coroscope-scenario"}\n' >"$scratch/json/note.json"
    for name in default compact kind note; do
        case $name in
        default | compact) want=application/x-coroscope-scenario ;;
        *) want=application/json ;;
        esac
        got=$(content_type "$scratch/json/$name.json")
        [[ $got == "$want" ]] ||
            fail "$name.json ($(head -c 60 "$scratch/json/$name.json")) is '$got', not $want"
    done
fi

# The icons: the SVG well-formed, each PNG a PNG of its size (width and height in the IHDR
# chunk).
step "icons"
xmllint --noout "$share/icons/hicolor/scalable/apps/coroscope.svg" 2>/dev/null ||
    fail "the scalable icon is not well-formed XML"
for size in "${icon_sizes[@]}"; do
    png=$share/icons/hicolor/${size}x${size}/apps/coroscope.png
    [[ -f $png ]] || continue # already reported with the files
    if [[ $(od -An -tx1 -N8 "$png" | tr -d ' \n') != 89504e470d0a1a0a ]]; then
        fail "$png is not a PNG"
        continue
    fi
    width=$(be32 "$png" 16)
    height=$(be32 "$png" 20)
    [[ $width == "$size" && $height == "$size" ]] ||
        fail "${size}x${size}/apps/coroscope.png is ${width}x${height}"
done

# The copyright file: machine-readable, and the licence's text is LICENSE's.
step "copyright"
copyright=$share/doc/coroscope/copyright
if [[ -f $copyright ]]; then
    dep5='Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/'
    head -n 1 "$copyright" | grep -qxF "$dep5" ||
        fail "the copyright file is not in the machine-readable format"
    # The stand-alone License paragraph, unindented, against LICENSE after its copyright line.
    awk '/^License: / && ++n == 2 { on = 1; next }
         on { sub(/^ /, ""); if ($0 == ".") $0 = ""; print }' \
        "$copyright" >"$scratch/license.deb"
    awk 'on { print } /^Copyright \(c\)/ { on = 1 }' "$source_dir/LICENSE" |
        sed '1{/^$/d}' >"$scratch/license.src"
    diff -u "$scratch/license.src" "$scratch/license.deb" >"$scratch/license.diff" ||
        { fail "the copyright file's licence text is not LICENSE's:"
          cat "$scratch/license.diff" >&2; }
fi

# The changelog: resources/changelog as it is (whose newest version is the package's, checked
# above), compressed; the date of its newest entry every file's time stamp.
step "changelog"
changelog=$share/doc/coroscope/changelog.Debian.gz
if [[ -f $changelog ]]; then
    gzip -dc "$changelog" | cmp -s - "$source_dir/resources/changelog" ||
        fail "changelog.Debian.gz is not resources/changelog"
    epoch=$(dpkg-parsechangelog -l "$source_dir/resources/changelog" -S Timestamp)
    stamp=$(date -u -d "@$epoch" '+%F %T')
    dpkg-deb --fsys-tarfile "$deb" | tar -tv --utc --full-time | awk -v stamp="$stamp" \
        '$4 " " $5 != stamp { print $6 " is dated " $4 " " $5 }' >"$scratch/stamps"
    [[ ! -s $scratch/stamps ]] ||
        { fail "files not dated $stamp (the changelog's date):"; cat "$scratch/stamps" >&2; }
fi

# The installed programs (the launcher and the full program it starts): no RUNPATH or RPATH
# (they use the system's Qt), and the launcher, which answers the plain prints, links no Qt.
step "programs"
for program in /usr/bin/coroscope /usr/libexec/coroscope/coroscope; do
    readelf -d "$root$program" | grep -E 'R(UN)?PATH' >"$scratch/runpath" &&
        { fail "$program has a library search path:"; cat "$scratch/runpath" >&2; }
done
readelf -d "$root/usr/bin/coroscope" | grep -E 'NEEDED.*libQt' >"$scratch/launcher-qt" &&
    { fail "/usr/bin/coroscope links Qt:"; cat "$scratch/launcher-qt" >&2; }

# lintian, with every tag shown: nothing to say (justified overrides only).
step "lintian"
lintian --allow-root -EvIL +pedantic "$deb" >"$scratch/lintian.log" 2>&1 || true
[[ ! -s $scratch/lintian.log ]] || { fail "lintian:"; cat "$scratch/lintian.log" >&2; }

# Reproducible: a second build is the same bytes.
step "reproducible"
deb_again=$(build_deb "$scratch/cpack-again")
cmp "$deb" "$deb_again" >&2 ||
    fail "two builds of the package differ"

if ((failures)); then
    echo "$failures check(s) failed for $(basename "$deb")" >&2
    exit 1
fi
echo "$(basename "$deb"): every check passed"
