# CTest `translation_catalogs` (cmake -P): fails when a catalog in translations/ has an unfinished,
# empty or obsolete entry, or is out of date with the sources, that is when a tr() string was
# added, changed or removed without scripts/update-translations.sh and a translation. lupdate
# runs on copies in WORK_DIR with the options of that script: the catalogs are never rewritten.
#   cmake -DLUPDATE=/path/lupdate -DSOURCE_DIR=<repo> -DWORK_DIR=<scratch> -P check-catalogs.cmake
foreach(required LUPDATE SOURCE_DIR WORK_DIR)
    if(NOT ${required})
        message(FATAL_ERROR "check-catalogs: -D${required}=... is required")
    endif()
endforeach()

file(GLOB catalogs ${SOURCE_DIR}/translations/statescope_*.ts)
list(LENGTH catalogs catalog_count)
if(catalog_count LESS 3) # en (plural forms), de, fr
    message(FATAL_ERROR "check-catalogs: expected the en, de and fr catalogs in ${SOURCE_DIR}/translations, found ${catalog_count}")
endif()
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

# How many times `pattern` occurs in `text`.
function(count_matches out pattern text)
    string(REGEX MATCHALL "${pattern}" hits "${text}")
    list(LENGTH hits n)
    set(${out} ${n} PARENT_SCOPE)
endfunction()

set(failures "")
foreach(catalog ${catalogs})
    get_filename_component(name ${catalog} NAME)
    file(READ ${catalog} before)
    # The catalog as committed: every entry translated, no leftovers.
    count_matches(unfinished "type=\"unfinished\"" "${before}")
    count_matches(obsolete "type=\"(vanished|obsolete)\"" "${before}")
    count_matches(empty "<translation>[ \t\r\n]*</translation>|<translation/>|<numerusform>[ \t\r\n]*</numerusform>|<numerusform/>" "${before}")
    count_matches(messages "<message[ >]" "${before}")
    if(unfinished GREATER 0 OR obsolete GREATER 0 OR empty GREATER 0)
        list(APPEND failures "${name}: ${unfinished} unfinished, ${obsolete} obsolete and ${empty} empty entries")
    endif()

    # The same catalog refreshed from today's sources: new strings show up as unfinished entries,
    # strings gone from the code as a smaller count.
    set(copy ${WORK_DIR}/${name})
    file(COPY ${catalog} DESTINATION ${WORK_DIR})
    set(only_plurals "")
    if(name STREQUAL "statescope_en.ts")
        set(only_plurals -pluralonly)
    endif()
    execute_process(COMMAND ${LUPDATE} ${only_plurals} -no-obsolete -locations none
                            ${SOURCE_DIR}/app ${SOURCE_DIR}/widgets ${SOURCE_DIR}/models/itemmodels -ts ${copy}
                    RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "check-catalogs: lupdate failed on ${name}:\n${output}")
    endif()
    file(READ ${copy} after)
    count_matches(new_unfinished "type=\"unfinished\"" "${after}")
    count_matches(after_messages "<message[ >]" "${after}")
    if(new_unfinished GREATER unfinished OR NOT after_messages EQUAL messages)
        # Name the strings that need a translation, so the failure says what to do. A ";" in a
        # string would split CMake's list of matches: it travels as @SEMICOLON@.
        string(REPLACE ";" "@SEMICOLON@" escaped "${after}")
        string(REGEX MATCHALL "<source>[^<]*</source>[ \t\r\n]*(<oldsource>[^<]*</oldsource>[ \t\r\n]*)?(<comment>[^<]*</comment>[ \t\r\n]*)?<translation type=\"unfinished\"" untranslated "${escaped}")
        string(REGEX REPLACE "</source>[^<]*(<oldsource>[^<]*</oldsource>[^<]*)?(<comment>[^<]*</comment>[^<]*)?<translation type=\"unfinished\";?" "" untranslated "${untranslated}")
        string(REPLACE "<source>" "\n    " untranslated "${untranslated}")
        list(APPEND failures "${name}: out of date with the sources (${messages} entries, the sources have ${after_messages}), untranslated:${untranslated}")
    endif()
    message(STATUS "${name}: ${messages} entries")
endforeach()

if(failures)
    list(JOIN failures "\n  " text)
    string(REPLACE "@SEMICOLON@" ";" text "${text}")
    foreach(entity "quot=\"" "apos='" "lt=<" "gt=>" "amp=&") # XML as plain text
        string(REGEX MATCH "^([a-z]+)=(.)$" parts "${entity}")
        string(REPLACE "&${CMAKE_MATCH_1};" "${CMAKE_MATCH_2}" text "${text}")
    endforeach()
    message(FATAL_ERROR "Translation catalogs need work (run scripts/update-translations.sh, then translate):\n  ${text}")
endif()
message(STATUS "All ${catalog_count} catalogs complete and up to date")
