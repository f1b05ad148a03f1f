# macOS disk image (DragNDrop) holding tessera-studio.app, with tessera and tessera-node inside the bundle
# (Contents/MacOS, where the studio and the CLI look for tessera-node) and the sample in Contents/share.
# UNTESTED: no Mac here (installers/README.md). Included by installers/CMakeLists.txt when APPLE; the bundle
# itself (Info.plist, .tessera document type, icon) is set up by macos/bundle.cmake.

# macdeployqt: Qt's frameworks and plugins (platforms/libqcocoa, styles, imageformats, iconengines) and the
# other dylibs the bundle's programs load (Homebrew's GLPK, libssh, ZeroMQ, protobuf, ONNX, OpenBLAS, FFmpeg,
# libpng) copied into the bundle with their install names rewritten; tessera and tessera-node are passed with
# -executable so that theirs are rewritten too. Run at install time, so also by cpack.
get_target_property(tessera_qmake Qt6::qmake IMPORTED_LOCATION)
get_filename_component(tessera_qt_bin ${tessera_qmake} DIRECTORY)
find_program(TESSERA_MACDEPLOYQT macdeployqt HINTS ${tessera_qt_bin} REQUIRED)
install(CODE "
    set(app \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/tessera-studio.app\")
    execute_process(COMMAND \"${TESSERA_MACDEPLOYQT}\" \"\${app}\" -always-overwrite
                            \"-executable=\${app}/Contents/MacOS/tessera\"
                            \"-executable=\${app}/Contents/MacOS/tessera-node\"
                    RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR \"macdeployqt failed (\${rc})\")
    endif()")

set(CPACK_GENERATOR "DragNDrop")
set(CPACK_PACKAGE_FILE_NAME "tessera_${PROJECT_VERSION}_macos")
set(CPACK_DMG_VOLUME_NAME "Tessera ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT UDZO)
