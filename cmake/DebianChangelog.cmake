# Reads the newest entry of a changelog in debian/changelog's format:
#
#   coroscope (0.1.0-1) unstable; urgency=medium
#   ...
#    -- Name <address>  Wed, 25 Nov 2026 12:00:00 +0000
#
# coroscope_read_changelog(FILE VERSION PREFIX) sets PREFIX_RELEASE (1) and PREFIX_EPOCH (the
# entry's date as seconds since 1970, for SOURCE_DATE_EPOCH). A file that is not in that
# format, or whose newest entry is not VERSION (the project's), stops the configuration,
# naming the line and the rule.

# coroscope_days_from_civil(VAR YEAR MONTH DAY): days since 1970-01-01 of a proleptic Gregorian
# date (H. Hinnant's days_from_civil: years start in March, so the leap day comes last).
function(coroscope_days_from_civil var year month day)
    if(month GREATER 2)
        math(EXPR y "${year}")
        math(EXPR shifted_month "${month} - 3")
    else()
        math(EXPR y "${year} - 1")
        math(EXPR shifted_month "${month} + 9")
    endif()
    math(EXPR era "${y} / 400")
    math(EXPR year_of_era "${y} - ${era} * 400")
    math(EXPR day_of_year "(153 * ${shifted_month} + 2) / 5 + ${day} - 1")
    math(EXPR day_of_era
         "${year_of_era} * 365 + ${year_of_era} / 4 - ${year_of_era} / 100 + ${day_of_year}")
    math(EXPR days "${era} * 146097 + ${day_of_era} - 719468")
    set(${var} ${days} PARENT_SCOPE)
endfunction()

function(coroscope_read_changelog file project_version prefix)
    file(STRINGS "${file}" lines)
    list(GET lines 0 header)
    if(NOT header MATCHES "^[a-z0-9][a-z0-9+.-]* \\(([0-9][0-9A-Za-z.+~]*)-([0-9A-Za-z.+~]+)\\) ")
        message(FATAL_ERROR "${file}:1: '${header}' is not a changelog entry's first line "
                            "(package (upstream-release) distribution; urgency=...)")
    endif()
    set(version "${CMAKE_MATCH_1}")
    set(release "${CMAKE_MATCH_2}")
    if(NOT version STREQUAL project_version)
        message(FATAL_ERROR "${file}:1: the newest entry is version ${version}, the project is "
                            "${project_version}: add an entry for ${project_version} at the top")
    endif()

    # The entry ends at its first trailer line; RFC 5322 date, as `date -R` prints it.
    set(months Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec)
    set(number 0)
    foreach(line IN LISTS lines)
        math(EXPR number "${number} + 1")
        if(NOT line MATCHES "^ -- ")
            continue()
        endif()
        set(date_pattern "[A-Z][a-z][a-z], ([0-9]?[0-9]) ([A-Z][a-z][a-z]) ([0-9][0-9][0-9][0-9])")
        set(time_pattern "([0-9][0-9]):([0-9][0-9]):([0-9][0-9]) ([+-])([0-9][0-9])([0-9][0-9])")
        if(NOT line MATCHES "^ -- [^<]+ <[^>]+>  ${date_pattern} ${time_pattern}$")
            message(FATAL_ERROR "${file}:${number}: the trailer line is not ' -- Name <address>"
                                "  Day, DD Mon YYYY HH:MM:SS +ZZZZ' (as `date -R` prints)")
        endif()
        set(day "${CMAKE_MATCH_1}")
        set(month_name "${CMAKE_MATCH_2}")
        set(year "${CMAKE_MATCH_3}")
        set(time_of_day "${CMAKE_MATCH_4} * 3600 + ${CMAKE_MATCH_5} * 60 + ${CMAKE_MATCH_6}")
        set(offset "${CMAKE_MATCH_7}(${CMAKE_MATCH_8} * 3600 + ${CMAKE_MATCH_9} * 60)")
        list(FIND months "${month_name}" month)
        if(month LESS 0)
            message(FATAL_ERROR "${file}:${number}: '${month_name}' is not a month (Jan to Dec)")
        endif()
        math(EXPR month "${month} + 1")
        coroscope_days_from_civil(days ${year} ${month} ${day})
        # math() reads "08" as eight: the two-digit fields need no conversion.
        math(EXPR epoch "${days} * 86400 + ${time_of_day} - (${offset})")
        set(${prefix}_RELEASE "${release}" PARENT_SCOPE)
        set(${prefix}_EPOCH "${epoch}" PARENT_SCOPE)
        return()
    endforeach()
    message(FATAL_ERROR "${file}: the newest entry has no trailer line "
                        "(' -- Name <address>  date')")
endfunction()
