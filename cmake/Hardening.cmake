# Debian's hardening flags, as dpkg-buildflags gives them with every hardening feature on:
# FORTIFY_SOURCE, the strong stack protector, format-string errors, full RELRO and BIND_NOW,
# and its reproducibility flag (-ffile-prefix-map, which writes this source folder as "."
# into the objects). The optimisation and debug levels stay the build type's: dpkg's -g and
# -O2 are dropped. Off by default for sanitizer and fuzz builds, whose instrumentation is what
# finds the errors FORTIFY would turn into aborts.
#
# Included by the top-level CMakeLists.txt before any target, so every target has them.

find_program(DPKG_BUILDFLAGS_EXECUTABLE dpkg-buildflags)
if(DPKG_BUILDFLAGS_EXECUTABLE AND NOT COROSCOPE_SANITIZE AND NOT COROSCOPE_FUZZ)
    set(coroscope_hardening_default ON)
else()
    set(coroscope_hardening_default OFF)
endif()
option(COROSCOPE_HARDENING "Build with Debian's hardening flags (from dpkg-buildflags)"
       ${coroscope_hardening_default})

if(COROSCOPE_HARDENING)
    if(NOT DPKG_BUILDFLAGS_EXECUTABLE)
        message(FATAL_ERROR "COROSCOPE_HARDENING=ON needs dpkg-buildflags (Debian package "
                            "dpkg-dev); install it or configure with -DCOROSCOPE_HARDENING=OFF")
    endif()
    # coroscope_dpkg_buildflags(VAR KIND): dpkg-buildflags --get KIND as a list of flags.
    function(coroscope_dpkg_buildflags var kind)
        execute_process(
            COMMAND "${CMAKE_COMMAND}" -E env DEB_BUILD_MAINT_OPTIONS=hardening=+all
                    "${DPKG_BUILDFLAGS_EXECUTABLE}" --get ${kind}
            WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
            OUTPUT_VARIABLE flags
            OUTPUT_STRIP_TRAILING_WHITESPACE
            RESULT_VARIABLE status)
        if(NOT status EQUAL 0)
            message(FATAL_ERROR "dpkg-buildflags --get ${kind} failed (${status})")
        endif()
        separate_arguments(flags UNIX_COMMAND "${flags}")
        list(FILTER flags EXCLUDE REGEX "^-(g[0-9]?|O[0-3s]?)$")
        set(${var} "${flags}" PARENT_SCOPE)
    endfunction()
    coroscope_dpkg_buildflags(coroscope_cppflags CPPFLAGS)
    coroscope_dpkg_buildflags(coroscope_cxxflags CXXFLAGS)
    coroscope_dpkg_buildflags(coroscope_ldflags LDFLAGS)
    # FORTIFY_SOURCE needs an optimised build: glibc warns about it in an unoptimised one.
    add_compile_options("$<$<NOT:$<CONFIG:Debug>>:${coroscope_cppflags}>" ${coroscope_cxxflags})
    add_link_options(${coroscope_ldflags})
    list(JOIN coroscope_cppflags " " cppflags)
    list(JOIN coroscope_cxxflags " " cxxflags)
    list(JOIN coroscope_ldflags " " ldflags)
    message(STATUS "Hardening flags: ${cppflags} ${cxxflags} ${ldflags}")
endif()
