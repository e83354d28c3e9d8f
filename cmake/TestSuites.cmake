# How the test executables are built and registered (issue 16, "CI well inside 60 minutes on 2 cores").
#
# brilliant_test_build(TARGET): test code compiled at -O0 in the sanitizer and TSan builds (the code under
# test stays at the preset's level, -Og or -O1; test code at -O0 compiles in about half the time), and
# as unity batches (each batch parses gtest, Boost.JSON and the harness once instead of once per file).
# Helpers in a test file's anonymous namespace must then have names no other file of its target uses.
#
# brilliant_add_suites(TARGET [PREFIX p] [ENVIRONMENT ...] [PROPERTIES ...]): one CTest test per
# GoogleTest suite (`p<Suite>`, run with --gtest_filter=<Suite>.*), found in the target's sources. One
# process per suite, not per test: each start of a sanitized test binary costs about a second. Editing a
# test file re-runs CMake's configure step at the next build, so that a new suite is registered.
# docs/decisions/017-ci-time.md has the measurements.

# Test and benchmark code in a sanitizer or TSan build (a Debug build): -O0. The benches' directory uses it
# too (add_compile_options).
set(BRILLIANT_TEST_CODE_LEVEL "$<$<CONFIG:Debug>:-O0>")

function(brilliant_test_build target)
  target_compile_options(${target} PRIVATE ${BRILLIANT_TEST_CODE_LEVEL})
  brilliant_unity(${target})
endfunction()

# brilliant_unity(TARGET): the target's sources compiled in batches of 8 files, each batch one translation
# unit (tests always; a module's library in the sanitizer, TSan and fuzz builds, BRILLIANT_UNITY).
# scripts/unity-clashes.py lists the names two files of one batch both keep to themselves.
function(brilliant_unity target)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # A type of an #included (unity) file's anonymous namespace used by a function of the batch (a gtest
    # fixture's TEST_F, a coroutine's frame) makes GCC warn, as if the type came from a header.
    target_compile_options(${target} PRIVATE -Wno-subobject-linkage)
  endif()
  set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
endfunction()

# The --gtest_filter of each GoogleTest suite in the target's sources ("Suite.*", or "*/Suite.*" for a
# parameterised one), read from the sources once per target and kept in its BRILLIANT_SUITE_FILTERS
# property (http_test registers its suites twice, once per database).
function(brilliant_suite_filters target out)
  get_target_property(filters ${target} BRILLIANT_SUITE_FILTERS)
  if(filters)
    set(${out} "${filters}" PARENT_SCOPE)
    return()
  endif()
  get_target_property(sources ${target} SOURCES)
  get_target_property(dir ${target} SOURCE_DIR)
  set(filters "")
  foreach(source IN LISTS sources)
    if(NOT IS_ABSOLUTE "${source}")
      set(source "${dir}/${source}")
    endif()
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${source}")
    file(STRINGS "${source}" lines REGEX "^TEST(_F|_P)?\\(")
    foreach(line IN LISTS lines)
      string(REGEX MATCH "^TEST(_F|_P)?\\(([A-Za-z0-9_]+)," _ "${line}")
      if(CMAKE_MATCH_1 STREQUAL "_P")
        list(APPEND filters "*/${CMAKE_MATCH_2}.*")
      else()
        list(APPEND filters "${CMAKE_MATCH_2}.*")
      endif()
    endforeach()
  endforeach()
  list(REMOVE_DUPLICATES filters)
  set_target_properties(${target} PROPERTIES BRILLIANT_SUITE_FILTERS "${filters}")
  set(${out} "${filters}" PARENT_SCOPE)
endfunction()

function(brilliant_add_suites target)
  cmake_parse_arguments(S "" "PREFIX" "ENVIRONMENT;PROPERTIES" ${ARGN})
  brilliant_suite_filters(${target} filters)
  foreach(filter IN LISTS filters)
    string(REGEX REPLACE "^(\\*/)?([A-Za-z0-9_]+)\\.\\*$" "\\2" suite "${filter}")
    add_test(NAME ${S_PREFIX}${suite} COMMAND ${target} --gtest_filter=${filter} --gtest_brief=1)
    set_tests_properties(${S_PREFIX}${suite} PROPERTIES ${S_PROPERTIES})
    # A suite whose every test skipped itself (the several-nodes suites on SQLite) is reported skipped, not
    # passed: GoogleTest's summary ends with these two lines then, and only then (a failure adds its own).
    set_tests_properties(${S_PREFIX}${suite} PROPERTIES
                         SKIP_REGULAR_EXPRESSION "\\[  PASSED  \\] 0 tests\\.\n\\[  SKIPPED \\] [0-9]+ tests?\\.\n*$")
    if(S_ENVIRONMENT)
      set_tests_properties(${S_PREFIX}${suite} PROPERTIES ENVIRONMENT "${S_ENVIRONMENT}")
    endif()
  endforeach()
endfunction()
