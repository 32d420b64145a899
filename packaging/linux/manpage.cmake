# Writes a section-1 man page from a program's --help text, at build time.
# cmake -DPROGRAM=path -DNAME=kith -DSUMMARY="..." -DVERSION=0.1.0 -DSEE_ALSO="kith-server (1)" -DOUT=kith.1 -P manpage.cmake
set(ENV{QT_QPA_PLATFORM} offscreen)
set(ENV{ASAN_OPTIONS} detect_leaks=0) # a sanitized build: --help exits from inside the parser
execute_process(COMMAND ${PROGRAM} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR help STREQUAL "")
  message(FATAL_ERROR "${PROGRAM} --help failed (${rc})")
endif()
string(REPLACE "${PROGRAM}" "${NAME}" help "${help}") # the usage line names the build path
# roff: a backslash is \e; a line starting with . or ' would be a request.
string(REPLACE "\\" "\\e" help "${help}")
string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
string(REPLACE "-" "\\-" help "${help}")
string(TOUPPER "${NAME}" upper)
file(WRITE ${OUT} ".TH ${upper} 1 \"\" \"Kith ${VERSION}\" \"User Commands\"
.SH NAME
${NAME} \\- ${SUMMARY}
.SH DESCRIPTION
The text below is what
.B ${NAME} \\-\\-help
prints.
.PP
.nf
${help}
.fi
.SH SEE ALSO
${SEE_ALSO}
.PP
https://kith.chat
")
