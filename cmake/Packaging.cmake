# Coroscope as a desktop program: what `cmake --install` puts where a desktop looks for it
# (the launcher, the icons, the metadata of software centres, the man page, the scenario
# file type), and the CPack settings that make the same tree a Debian package:
#
#   cpack -G DEB        (from the build folder)
#
# Included at the end of the top-level CMakeLists.txt, once the coroscope target exists.

include(GNUInstallDirs)
include("${CMAKE_CURRENT_LIST_DIR}/DebianChangelog.cmake")

# One reverse-DNS id names the desktop entry and the AppStream component; the icon keeps the
# program's short name.
set(COROSCOPE_APP_ID "io.github.coroscope.Coroscope")
set(COROSCOPE_HOMEPAGE "https://github.com/coroscope/coroscope")
set(COROSCOPE_PACKAGE_MAINTAINER "The Coroscope authors <coroscope@users.noreply.github.com>"
    CACHE STRING "Maintainer field of the Debian package (Name <address>)")
set(COROSCOPE_ICON_SIZES 16 22 24 32 48 64 128 256)

set(coroscope_resources "${PROJECT_SOURCE_DIR}/resources")

# resources/changelog (debian/changelog's format) is the one record of the package's versions:
# its newest entry must be this project's version, and gives the package's release and the
# time stamp of every file in the .deb (SOURCE_DATE_EPOCH).
set(coroscope_changelog "${coroscope_resources}/changelog")
coroscope_read_changelog("${coroscope_changelog}" "${PROJECT_VERSION}" COROSCOPE_CHANGELOG)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${coroscope_changelog}")

# The icon: the SVG is the only source; the PNG sizes are rendered from it with Qt's own SVG
# renderer by a small helper, so they never drift from it.
add_executable(coroscope_iconrender "${PROJECT_SOURCE_DIR}/tools/iconrender.cpp")
target_link_libraries(coroscope_iconrender PRIVATE Qt6::Gui Qt6::Svg)
set_target_properties(coroscope_iconrender PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)

set(coroscope_icon_svg "${coroscope_resources}/icons/coroscope.svg")
set(coroscope_icon_dir "${PROJECT_BINARY_DIR}/icons/hicolor")
set(coroscope_icon_pngs)
foreach(size IN LISTS COROSCOPE_ICON_SIZES)
    list(APPEND coroscope_icon_pngs "${coroscope_icon_dir}/${size}x${size}/apps/coroscope.png")
endforeach()
add_custom_command(OUTPUT ${coroscope_icon_pngs}
    COMMAND coroscope_iconrender "${coroscope_icon_svg}" "${coroscope_icon_dir}"
            ${COROSCOPE_ICON_SIZES}
    DEPENDS coroscope_iconrender "${coroscope_icon_svg}"
    COMMENT "Rendering the app icon as PNG"
    VERBATIM)
add_custom_target(coroscope_icons ALL DEPENDS ${coroscope_icon_pngs})
# Building just the program (--target coroscope) leaves a tree that installs.
add_dependencies(coroscope coroscope_icons)

# coroscope_install_gzipped(SOURCE NAME DESTINATION): installs SOURCE as DESTINATION/NAME.gz,
# compressed as Debian's policy asks (-9; -n: no name or time stamp inside, so the package is
# reproducible); without gzip, as DESTINATION/NAME uncompressed.
find_program(GZIP_EXECUTABLE gzip)
function(coroscope_install_gzipped source name destination)
    if(NOT GZIP_EXECUTABLE)
        install(FILES "${source}" DESTINATION "${destination}" RENAME "${name}")
        return()
    endif()
    set(compressed "${PROJECT_BINARY_DIR}/${name}.gz")
    add_custom_command(OUTPUT "${compressed}"
        COMMAND "${GZIP_EXECUTABLE}" -9 -n -c "${source}" > "${compressed}"
        DEPENDS "${source}"
        COMMENT "Compressing ${name}"
        VERBATIM)
    add_custom_target("coroscope_${name}_gz" ALL DEPENDS "${compressed}")
    add_dependencies(coroscope "coroscope_${name}_gz")
    install(FILES "${compressed}" DESTINATION "${destination}")
endfunction()

# The Debian copyright file (machine-readable format), made from LICENSE so that the two never
# say different things: the licence's name from its first line, the holders from its
# "Copyright (c)" line, its text indented as the format wants (blank lines as " .").
file(STRINGS "${PROJECT_SOURCE_DIR}/LICENSE" coroscope_license_lines)
list(GET coroscope_license_lines 0 coroscope_license_title)
if(coroscope_license_title STREQUAL "MIT License")
    set(COROSCOPE_LICENSE "MIT")
else()
    message(FATAL_ERROR "cmake/Packaging.cmake: LICENSE is not the MIT License any more: "
                        "give its SPDX name here and in the AppStream metainfo")
endif()
file(READ "${PROJECT_SOURCE_DIR}/LICENSE" coroscope_license_file)
string(REGEX MATCH "Copyright \\(c\\) ([^\n]+)" _ "${coroscope_license_file}")
set(COROSCOPE_COPYRIGHT "${CMAKE_MATCH_1}")
# The licence's text is what follows the copyright line.
string(REGEX REPLACE "^.*Copyright \\(c\\) [^\n]+\n\n" "" coroscope_license_body
       "${coroscope_license_file}")
string(STRIP "${coroscope_license_body}" coroscope_license_body)
string(REPLACE "\n\n" "\n.\n" coroscope_license_body "${coroscope_license_body}")
string(REPLACE "\n" "\n " COROSCOPE_LICENSE_TEXT " ${coroscope_license_body}")
configure_file("${coroscope_resources}/copyright.in" "${PROJECT_BINARY_DIR}/copyright" @ONLY)
# A change to LICENSE re-runs CMake, which writes the copyright file again.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/LICENSE")

# Where each piece goes. The dpkg triggers of shared-mime-info, desktop-file-utils and the
# icon cache pick the files up on installation: the package needs no scripts of its own.
install(FILES "${coroscope_resources}/${COROSCOPE_APP_ID}.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
install(FILES "${coroscope_resources}/${COROSCOPE_APP_ID}.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
install(FILES "${coroscope_icon_svg}"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")
foreach(size IN LISTS COROSCOPE_ICON_SIZES)
    install(FILES "${coroscope_icon_dir}/${size}x${size}/apps/coroscope.png"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps")
endforeach()
coroscope_install_gzipped("${coroscope_resources}/coroscope.1" coroscope.1
                          "${CMAKE_INSTALL_MANDIR}/man1")
install(FILES "${coroscope_resources}/coroscope-scenario.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/mime/packages")
# share/doc/coroscope, the package's name (CMAKE_INSTALL_DOCDIR would use the project's).
install(FILES "${PROJECT_BINARY_DIR}/copyright"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/coroscope")
coroscope_install_gzipped("${coroscope_changelog}" changelog.Debian
                          "${CMAKE_INSTALL_DATADIR}/doc/coroscope")
# What lintian may not say about the package, each with its reason.
install(FILES "${coroscope_resources}/lintian-overrides"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/lintian/overrides" RENAME coroscope)

# The programs as Debian installs its own: no RUNPATH (qt_standard_project_setup asks for
# $ORIGIN/../lib, for a Qt copied beside the program; a package uses the system's Qt), and
# when stripped, no .comment section either (the compilers' version strings, which dh_strip
# removes too). The launcher in bin/, the full program it starts in the private folder.
foreach(program IN ITEMS coroscope coroscope_full)
    set_target_properties(${program} PROPERTIES INSTALL_RPATH "")
endforeach()
set(coroscope_installed "${CMAKE_INSTALL_BINDIR}/$<TARGET_FILE_NAME:coroscope>"
    "${CMAKE_INSTALL_LIBEXECDIR}/coroscope/$<TARGET_FILE_NAME:coroscope_full>")
foreach(installed IN LISTS coroscope_installed)
    install(CODE "
        if(CMAKE_INSTALL_DO_STRIP)
            execute_process(COMMAND \"${CMAKE_STRIP}\" --remove-section=.comment
                                    \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${installed}\"
                            COMMAND_ERROR_IS_FATAL ANY)
        endif()")
endforeach()

# The Debian package. Its dependencies are computed from the binary (dpkg-shlibdeps), not
# written by hand, so they follow whatever Qt the build linked.
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "coroscope")
set(CPACK_PACKAGE_VENDOR "The Coroscope authors")
set(CPACK_PACKAGE_CONTACT "${COROSCOPE_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# The long description, in lines short enough for package tools (CPack indents them and turns
# empty lines into " ."). No semicolons: CMake would read them as list separators.
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Coroscope animates how coroutines share one event loop: CPU work runs one\n"
    "piece at a time, while I/O and HTTP waits overlap. It is for people who\n"
    "teach and learn async programming, and for engineers who want to reason\n"
    "about the latency of a concurrent workload before they write it.\n"
    "\n"
    "The window plays a scenario of tasks as a timeline, edits it with undo and\n"
    "redo, and exports it as PNG, SVG or a Chrome trace. The command line prints\n"
    "the schedule and its figures without a display.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${COROSCOPE_HOMEPAGE}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
# Installed programs carry no debugging information, as Debian's own packages.
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${COROSCOPE_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION "education")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${COROSCOPE_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The timeline's typeface (without it the system's sans serif is used), and python3, which
# `coroscope --record` runs the recorder (share/coroscope/python) with; the rest of the
# program works without it.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-roboto-unhinted, python3")
set(CPACK_DEBIAN_PACKAGE_RELEASE "${COROSCOPE_CHANGELOG_RELEASE}")
# coroscope_<version>-<release>_<arch>.deb, Debian's usual name.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Reproducible: every time stamp in the .deb is the changelog's, unless the builder sets
# SOURCE_DATE_EPOCH. CPack reads the variable from its environment, which this file (loaded
# by cpack, not by cmake) sets.
set(CPACK_PROJECT_CONFIG_FILE "${PROJECT_BINARY_DIR}/CPackSourceDateEpoch.cmake")
file(CONFIGURE OUTPUT "${CPACK_PROJECT_CONFIG_FILE}" CONTENT [[
if(NOT DEFINED ENV{SOURCE_DATE_EPOCH})
    set(ENV{SOURCE_DATE_EPOCH} @COROSCOPE_CHANGELOG_EPOCH@)
endif()
]] @ONLY)

include(CPack)
