# Included from app/CMakeLists.txt. The German and French catalogs cover every user-visible string
# of app/, widgets/ and models/itemmodels/; the English one only the plural forms of the source
# text ("1 execution"). A normal build compiles them (lrelease) into the app library as resources
# under :/i18n, which LanguageSetup loads, and never rewrites the .ts files:
# scripts/update-translations.sh refreshes them from the sources (lupdate), and the CTest
# `translation_catalogs` fails while one is incomplete or stale.
set(STATESCOPE_TS_FILES ${PROJECT_SOURCE_DIR}/translations/statescope_de.ts
                        ${PROJECT_SOURCE_DIR}/translations/statescope_fr.ts)
file(GLOB statescope_translated_sources CONFIGURE_DEPENDS
     ${PROJECT_SOURCE_DIR}/app/*.cpp ${PROJECT_SOURCE_DIR}/app/*.h
     ${PROJECT_SOURCE_DIR}/widgets/*.cpp ${PROJECT_SOURCE_DIR}/widgets/*.h
     ${PROJECT_SOURCE_DIR}/models/itemmodels/*.cpp ${PROJECT_SOURCE_DIR}/models/itemmodels/*.h)
set_source_files_properties(${STATESCOPE_TS_FILES} PROPERTIES OUTPUT_LOCATION ${PROJECT_BINARY_DIR}/translations)
qt_add_translations(statescope_app
    TS_FILES ${STATESCOPE_TS_FILES}
    SOURCES ${statescope_translated_sources}
    LUPDATE_OPTIONS -no-obsolete -locations none
    QM_FILES_OUTPUT_VARIABLE statescope_qm_files)

# English plural forms: lupdate -pluralonly keeps that catalog (scripts/update-translations.sh),
# which the update_translations target above would fill with every string.
set(statescope_en_qm ${PROJECT_BINARY_DIR}/translations/statescope_en.qm)
add_custom_command(OUTPUT ${statescope_en_qm}
    COMMAND Qt6::lrelease ${PROJECT_SOURCE_DIR}/translations/statescope_en.ts -qm ${statescope_en_qm}
    DEPENDS ${PROJECT_SOURCE_DIR}/translations/statescope_en.ts Qt6::lrelease
    VERBATIM)
list(APPEND statescope_qm_files ${statescope_en_qm})

qt_add_resources(statescope_app statescope_translations
    PREFIX /i18n
    BASE ${PROJECT_BINARY_DIR}/translations
    FILES ${statescope_qm_files})
# For the install rules: the same catalogs as files in share/statescope/translations.
set(STATESCOPE_QM_FILES ${statescope_qm_files} CACHE INTERNAL "Compiled translation catalogs (.qm)")
