# The interface's translator path: extract the template and check it with msgfmt; merge
# a copy of the French catalogue (everything kept); start a new language; status.
# cmake -DFRONTLINE=... -DSOURCE_PO=... -DTEMPLATE=... -DWORK=... -DMSGFMT=... -P interface_i18n.cmake
function(run expect_exit pattern)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
  set(all "${out}${err}")
  if(NOT "${code}" STREQUAL "${expect_exit}")
    message(FATAL_ERROR "${ARGN}\nexpected exit ${expect_exit}, got ${code}\n${all}")
  endif()
  if(NOT all MATCHES "${pattern}")
    message(FATAL_ERROR "${ARGN}\noutput does not match '${pattern}'\n${all}")
  endif()
  set(last_output "${all}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
run(0 "wrote .*ui.pot \\(([0-9]+) interface texts\\)" ${FRONTLINE} i18n extract --interface -o ${WORK}/ui.pot)
string(REGEX MATCH "\\(([0-9]+) interface" _ "${last_output}")
set(total ${CMAKE_MATCH_1})
# Exactly the template xgettext made (its placeholder Plural-Forms for msginit included).
file(READ ${WORK}/ui.pot written)
file(READ ${TEMPLATE} shipped)
if(NOT written STREQUAL shipped)
  message(FATAL_ERROR "i18n extract --interface did not write ${TEMPLATE} as it is")
endif()
run(0 "msgid \"Settings\"" ${FRONTLINE} i18n extract --interface)

# The shipped French is complete, and our merge keeps every translation.
configure_file(${SOURCE_PO} ${WORK}/fr.po COPYONLY)
run(0 "${total} of ${total} interface texts in fr, 0 missing, 0 to review"
    ${FRONTLINE} i18n status --interface --lang fr -o ${WORK}/fr.po)
run(0 "wrote .*fr.po: ${total} of ${total} translated, 0 to review" ${FRONTLINE} i18n merge --interface --lang fr -o ${WORK}/fr.po)
run(0 "${total} translated messages" ${MSGFMT} --check --check-header --statistics -o /dev/null ${WORK}/fr.po)
# ... byte for byte: the shipped catalogue is in the form the merge writes (no churn).
file(READ ${WORK}/fr.po merged)
file(READ ${SOURCE_PO} shipped)
if(NOT merged STREQUAL shipped)
  message(FATAL_ERROR "i18n merge --interface rewrote the up-to-date ${SOURCE_PO} differently")
endif()

# A translation that lost its English (the string changed in the code) becomes obsolete,
# the new string is untranslated.
file(READ ${WORK}/fr.po po)
string(REPLACE "msgid \"Take your time\"" "msgid \"Take all the time you need\"" po "${po}")
file(WRITE ${WORK}/fr.po "${po}")
run(0 "1 missing" ${FRONTLINE} i18n status --interface --lang fr -o ${WORK}/fr.po)
run(0 "to review" ${FRONTLINE} i18n merge --interface --lang fr -o ${WORK}/fr.po)
file(READ ${WORK}/fr.po po)
if(NOT po MATCHES "#~ msgid \"Take all the time you need\"")
  message(FATAL_ERROR "the translation of a string gone from the template was not kept as obsolete")
endif()
run(0 "[0-9]+ translated messages, 1 untranslated" ${MSGFMT} --check --statistics -o /dev/null ${WORK}/fr.po)

# A new language: every string untranslated, a header msgfmt accepts with German plurals.
run(0 "wrote .*de.po: 0 of ${total} translated" ${FRONTLINE} i18n merge --interface --lang de -o ${WORK}/de.po)
run(0 "" ${MSGFMT} --check --check-header -o /dev/null ${WORK}/de.po)
file(READ ${WORK}/de.po po)
if(NOT po MATCHES "Plural-Forms: nplurals=2; plural=\\(n != 1\\);")
  message(FATAL_ERROR "a new catalogue has no Plural-Forms header:\n${po}")
endif()

# A broken catalogue is never rewritten.
file(WRITE ${WORK}/broken.po "msgid \"Settings\"\nmsgstr \"Réglages\n")
run(1 "broken.po:[0-9]+: error" ${FRONTLINE} i18n merge --interface --lang fr -o ${WORK}/broken.po)
