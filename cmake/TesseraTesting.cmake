# tessera_add_qtest(<name> SOURCES ... LIBS ... [LABELS ...] [TIMEOUT s]): one QtTest executable, one CTest test.
# Tests run with the offscreen platform and know where the source tree and the built programs are.
function(tessera_add_qtest name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    set_target_properties(${name} PROPERTIES AUTOMOC ON)
    target_compile_definitions(${name} PRIVATE
        TESSERA_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        TESSERA_BINARY_DIR="${PROJECT_BINARY_DIR}")
    tessera_target_defaults(${name})
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        # QtTest's own per-function watchdog (5 min by default) follows the CTest timeout
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QTEST_FUNCTION_TIMEOUT=${ARG_TIMEOUT}000"
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}")
endfunction()
