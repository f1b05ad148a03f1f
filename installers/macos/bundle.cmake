# The studio as a macOS application bundle, tessera-studio.app: Info.plist (with the .tessera document type)
# and icon. UNTESTED: no Mac here (installers/README.md). Included by app/studio/CMakeLists.txt when APPLE,
# before the studio's install() rule, which needs to know the target is a bundle.

set(TESSERA_MACOS_ICON ${PROJECT_SOURCE_DIR}/installers/macos/tessera-studio.icns)
if(NOT EXISTS ${TESSERA_MACOS_ICON})
    message(FATAL_ERROR "${TESSERA_MACOS_ICON} is missing: make it from installers/linux/tessera-studio.svg as "
                        "installers/README.md (macOS) says")
endif()
target_sources(tessera-studio PRIVATE ${TESSERA_MACOS_ICON})
set_source_files_properties(${TESSERA_MACOS_ICON} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
set_target_properties(tessera-studio PROPERTIES
    MACOSX_BUNDLE ON
    MACOSX_BUNDLE_INFO_PLIST ${PROJECT_SOURCE_DIR}/installers/macos/Info.plist.in
    MACOSX_BUNDLE_GUI_IDENTIFIER io.github.tessera.Studio
    MACOSX_BUNDLE_BUNDLE_NAME "Tessera Studio"
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_ICON_FILE tessera-studio.icns)
