# The translator's path end to end, on a copy of data/i18n:
#   extract a template and check it with msgfmt; msgmerge the French catalogue with it;
#   edit the scenario (one line with an explicit id, one without) and see lint and play
#   fall back to the English; `i18n merge` marks the first fuzzy and retires the second;
#   a broken catalogue is refused with file:line.
# cmake -DFRONTLINE=... -DDATA=... -DWORK=... -DMSGFMT=... -DMSGMERGE=... -P i18n_round_trip.cmake
function(run expect_exit pattern)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
  set(all "${out}${err}")
  if(NOT "${code}" STREQUAL "${expect_exit}")
    message(FATAL_ERROR "${ARGN}\nexpected exit ${expect_exit}, got ${code}\n${all}")
  endif()
  if(NOT all MATCHES "${pattern}")
    message(FATAL_ERROR "${ARGN}\noutput does not match '${pattern}'\n${all}")
  endif()
endfunction()

file(REMOVE_RECURSE ${WORK})
file(COPY ${DATA}/ DESTINATION ${WORK})
set(K ${WORK}/kettle.yaml)
set(PO ${WORK}/i18n/fr/kettle.po)

# The template is valid gettext, and the shipped catalogue is complete and valid.
run(0 "wrote .*kettle.pot \\(23 texts\\)" ${FRONTLINE} i18n extract ${K} -o ${WORK}/kettle.pot)
run(0 "" ${MSGFMT} --check --check-header -o /dev/null ${WORK}/kettle.pot)
run(0 "23 translated messages" ${MSGFMT} --check --check-header --statistics -o /dev/null ${PO})
# gettext's own merge keeps every translation (msgctxt is the line id).
run(0 "" ${MSGMERGE} --quiet -o ${WORK}/msgmerged.po ${PO} ${WORK}/kettle.pot)
run(0 "23 translated messages" ${MSGFMT} --check --statistics -o /dev/null ${WORK}/msgmerged.po)
# Our merge of an up-to-date catalogue changes nothing.
run(0 "23 of 23 translated, 0 to review" ${FRONTLINE} i18n merge ${K} --lang fr)

# Edit one line with an explicit id (stale) and one without (its id changes: missing).
file(READ ${K} yaml)
string(REPLACE "Let me swap it for a new one right now." "Let me swap it for a new one straight away." yaml "${yaml}")
string(REPLACE "Have you been descaling it?" "Do you descale it?" yaml "${yaml}")
file(WRITE ${K} "${yaml}")
run(0 "0 errors, 7 warnings.*swap-now' was made from different text.*\\[FL101\\].*trainee answer 'opening.say.[0-9a-f]+' has no 'fr' translation.*\\[FL100\\]"
    ${FRONTLINE} lint --lang fr ${K})
run(0 "Bonjour. J'ai acheté.*straight away.*Do you descale it\\?.*2 texts are not translated into 'fr'"
    ${FRONTLINE} play ${K} --lang fr --no-shuffle --choices 2,1)
run(0 "21 of 23 translated, 1 to review" ${FRONTLINE} i18n merge ${K} --lang fr)
run(0 "21 translated messages, 1 fuzzy translation, 1 untranslated message" ${MSGFMT} --check --check-header --statistics -o /dev/null ${PO})
file(READ ${PO} merged)
if(NOT merged MATCHES "#, fuzzy\nmsgctxt \"swap-now\"")
  message(FATAL_ERROR "the edited line with an explicit id should be fuzzy:\n${merged}")
endif()
if(NOT merged MATCHES "#~ msgid \"Have you been descaling it\\?\"")
  message(FATAL_ERROR "the old line should be kept as obsolete:\n${merged}")
endif()
run(0 "21 of 23 texts in fr, 2 missing, 0 stale" ${FRONTLINE} i18n status ${K} --lang fr)

# A broken catalogue: a clear file:line error, never a crash, and merge leaves it alone.
file(APPEND ${PO} "\nmsgctxt \"x\"\nmsgid \"unterminated\nmsgstr \"\"\n")
file(READ ${PO} broken)
run(2 "kettle.po:[0-9]+: error: the string is not closed" ${FRONTLINE} play ${K} --lang fr --choices 1)
run(1 "kettle.po:[0-9]+: error:" ${FRONTLINE} lint --lang fr ${K})
run(1 "kettle.po:[0-9]+: error:" ${FRONTLINE} i18n merge ${K} --lang fr)
file(READ ${PO} after)
if(NOT after STREQUAL broken)
  message(FATAL_ERROR "merge rewrote a catalogue it could not read")
endif()
