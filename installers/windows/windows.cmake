# Windows installer (NSIS) and zip of the studio and the CLI. UNTESTED: no Windows machine here, and the
# deployer and the emulated cluster use POSIX interfaces that have no Windows port yet (installers/README.md).
# Included by installers/CMakeLists.txt when WIN32.
#
# Layout: bin\tessera-studio.exe, tessera.exe, tessera-node.exe with the Qt and third-party DLLs beside them,
# share\tessera\sample\. A Start menu entry, an optional desktop shortcut, bin\ optionally on PATH, and the
# .tessera file type opening in the studio.

set(TESSERA_WINDOWS_ICON ${CMAKE_CURRENT_SOURCE_DIR}/windows/tessera-studio.ico)
if(NOT EXISTS ${TESSERA_WINDOWS_ICON})
    message(FATAL_ERROR "${TESSERA_WINDOWS_ICON} is missing: make it from linux/tessera-studio.svg as "
                        "installers/README.md (Windows) says")
endif()

# The studio is a GUI program (no console window) and carries the icon (resource script beside this file).
set_target_properties(tessera-studio PROPERTIES WIN32_EXECUTABLE ON)
target_sources(tessera-studio PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/windows/tessera-studio.rc)

# windeployqt: Qt's DLLs and the plugins the studio loads (platforms\qwindows.dll, styles, imageformats,
# iconengines for the SVG icons) copied beside the installed studio; run at install time, so also by cpack.
get_target_property(tessera_qmake Qt6::qmake IMPORTED_LOCATION)
get_filename_component(tessera_qt_bin ${tessera_qmake} DIRECTORY)
find_program(TESSERA_WINDEPLOYQT windeployqt HINTS ${tessera_qt_bin} REQUIRED)
install(CODE "
    execute_process(COMMAND \"${TESSERA_WINDEPLOYQT}\" --release --no-translations --no-system-d3d-compiler
                            --no-opengl-sw \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/bin/tessera-studio.exe\"
                    RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR \"windeployqt failed (\${rc})\")
    endif()")

# The other DLLs the three programs load (GLPK, libssh, OpenSSL, ZeroMQ, protobuf, ONNX, OpenBLAS, FFmpeg,
# libpng; from vcpkg or wherever the build found them), found from the import tables; Windows' own are left out.
install(CODE "
    file(GET_RUNTIME_DEPENDENCIES
        EXECUTABLES \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/bin/tessera-studio.exe\" \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/bin/tessera.exe\"
                    \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/bin/tessera-node.exe\"
        DIRECTORIES \"${tessera_qt_bin}\" \$ENV{PATH}
        PRE_EXCLUDE_REGEXES \"^api-ms-\" \"^ext-ms-\"
        POST_EXCLUDE_REGEXES \"[Ss]ystem32\"
        RESOLVED_DEPENDENCIES_VAR resolved UNRESOLVED_DEPENDENCIES_VAR unresolved)
    if(unresolved)
        message(FATAL_ERROR \"DLLs not found for the package: \${unresolved}\")
    endif()
    file(INSTALL \${resolved} DESTINATION \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/bin\")")

set(CPACK_GENERATOR "NSIS;ZIP")
set(CPACK_PACKAGE_FILE_NAME "tessera_${PROJECT_VERSION}_win64")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Tessera")
set(CPACK_PACKAGE_EXECUTABLES "tessera-studio;Tessera Studio")
set(CPACK_CREATE_DESKTOP_LINKS tessera-studio)
set(CPACK_NSIS_DISPLAY_NAME "Tessera Studio ${PROJECT_VERSION}")
set(CPACK_NSIS_PACKAGE_NAME "Tessera Studio")
set(CPACK_NSIS_MUI_ICON ${TESSERA_WINDOWS_ICON})
set(CPACK_NSIS_MUI_UNIICON ${TESSERA_WINDOWS_ICON})
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\tessera-studio.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# the installer asks whether to put bin\ (tessera, tessera-node) on PATH
set(CPACK_NSIS_MODIFY_PATH ON)
# .tessera files open in the studio (per machine: the installer runs elevated)
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS "
    WriteRegStr HKCR '.tessera' '' 'Tessera.Project'
    WriteRegStr HKCR '.tessera' 'Content Type' 'application/x-tessera-project'
    WriteRegStr HKCR 'Tessera.Project' '' 'Tessera project'
    WriteRegStr HKCR 'Tessera.Project\\\\DefaultIcon' '' '$INSTDIR\\\\bin\\\\tessera-studio.exe,0'
    WriteRegStr HKCR 'Tessera.Project\\\\shell\\\\open\\\\command' '' '\\\"$INSTDIR\\\\bin\\\\tessera-studio.exe\\\" \\\"%1\\\"'
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "
    DeleteRegKey HKCR 'Tessera.Project'
    DeleteRegKey HKCR '.tessera'
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'")
