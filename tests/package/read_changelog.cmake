# Reads a changelog as the build does (cmake/DebianChangelog.cmake) for the project version
# VERSION and prints "RELEASE EPOCH", so that a test can try the configure-time rules on a
# changelog without configuring the project:
#
#   cmake -DCHANGELOG=FILE -DVERSION=X.Y.Z -P read_changelog.cmake
cmake_minimum_required(VERSION 3.25)
include("${CMAKE_CURRENT_LIST_DIR}/../../cmake/DebianChangelog.cmake")
coroscope_read_changelog("${CHANGELOG}" "${VERSION}" changelog)
message("${changelog_RELEASE} ${changelog_EPOCH}")
