# Runs a command and checks its exit code and output.
#   cmake -DCOMMAND="a|b|c" -DEXIT=1 [-DOUTPUT=regex] [-DNOT_OUTPUT=regex] [-DINPUT=file] -P expect_run.cmake
# OUTPUT is matched against stdout+stderr together, as a user would read them.
if(NOT DEFINED INPUT)
  set(INPUT /dev/null)
endif()
string(REPLACE "|" ";" COMMAND "${COMMAND}")
execute_process(COMMAND ${COMMAND} INPUT_FILE ${INPUT} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
set(all "${out}${err}")
if(NOT "${code}" STREQUAL "${EXIT}")
  message(FATAL_ERROR "expected exit ${EXIT}, got ${code}\n--- output ---\n${all}")
endif()
if(DEFINED OUTPUT AND NOT all MATCHES "${OUTPUT}")
  message(FATAL_ERROR "output does not match '${OUTPUT}'\n--- output ---\n${all}")
endif()
if(DEFINED NOT_OUTPUT AND all MATCHES "${NOT_OUTPUT}")
  message(FATAL_ERROR "output should not match '${NOT_OUTPUT}'\n--- output ---\n${all}")
endif()
