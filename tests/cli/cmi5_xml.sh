#!/usr/bin/env bash
# cmi5.xml from `frontline package cmi5` against the structure rules of cmi5 section 13
# (course structure), with xmllint: well-formed, in the CourseStructure namespace, one
# course then the AUs, each with the required elements and attributes and allowed
# values. Packages the whole bundled library (titles with &, quotes and non-ASCII
# text come along) plus a title that needs escaping.
#   cmi5_xml.sh FRONTLINE SCENARIOS_DIR      exit 77 = skipped (no xmllint or unzip)
set -euo pipefail
frontline=$1 scenarios=$2
for tool in xmllint unzip; do
  command -v $tool >/dev/null || { echo "SKIPPED: $tool is not installed (libxml2-utils, unzip)"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/site"
for f in index.html index.js index.wasm index.data; do echo "stand-in" >"$work/site/$f"; done
"$frontline" package cmi5 -o "$work/course.zip" --web "$work/site" --title 'Service & "care" <Zoë>' \
  --iri-base https://training.example/frontline "$scenarios"/*.yaml >/dev/null
unzip -p "$work/course.zip" cmi5.xml >"$work/cmi5.xml"
units=$(ls "$scenarios"/*.yaml | wc -l)
passed=0
fail() { echo "FAILED: $*"; sed -n 1,12p "$work/cmi5.xml"; exit 1; }
check() {  # check DESCRIPTION XPATH-BOOLEAN
  local answer
  answer=$(xmllint --xpath "$2" "$work/cmi5.xml" 2>&1) || fail "$1 (xmllint: $answer)"
  [ "$answer" = "true" ] || fail "$1"
  passed=$((passed + 1))
}
xmllint --noout "$work/cmi5.xml" || fail "cmi5.xml is not well-formed XML"
passed=1
ns=https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd
el() { echo "*[local-name()='$1' and namespace-uri()='$ns']"; }
root="/$(el courseStructure)"
check "the root is courseStructure in cmi5's namespace" "count($root) = 1"
check "one course, the first child" "count($root/$(el course)) = 1 and name($root/*[1]) = 'course'"
check "the course has an absolute IRI id" "boolean($root/$(el course)[contains(@id, ':')])"
check "the course title is a langstring with a lang, escaped text intact" \
  "$root/$(el course)/$(el title)/$(el langstring)[@lang != ''] = 'Service & \"care\" <Zoë>'"
check "the course has a description langstring" "count($root/$(el course)/$(el description)/$(el langstring)[@lang != '']) >= 1"
check "one AU per scenario ($units)" "count($root/$(el au)) = $units"
check "only course, au and block under the root" "count($root/*[not(self::$(el course) or self::$(el au) or self::$(el block))]) = 0"
check "every AU has an absolute IRI id" "count($root/$(el au)[not(contains(@id, ':'))]) = 0"
check "AU ids are unique" "count($root/$(el au)[@id = preceding-sibling::$(el au)/@id]) = 0"
check "every AU has a title and a description langstring" \
  "count($root/$(el au)[not($(el title)/$(el langstring)[@lang != '']) or not($(el description)/$(el langstring)[@lang != ''])]) = 0"
check "every AU has one non-empty url, relative to the package" \
  "count($root/$(el au)[count($(el url)) != 1 or normalize-space($(el url)) = '' or contains(substring-before($(el url), '?'), ':')]) = 0"
check "moveOn is one of cmi5's values" \
  "count($root/$(el au)[@moveOn and not(@moveOn = 'Passed' or @moveOn = 'Completed' or @moveOn = 'CompletedAndPassed' or @moveOn = 'CompletedOrPassed' or @moveOn = 'NotApplicable')]) = 0"
check "launchMethod is AnyWindow or OwnWindow" \
  "count($root/$(el au)[@launchMethod and not(@launchMethod = 'AnyWindow' or @launchMethod = 'OwnWindow')]) = 0"
check "masteryScore, when given, is from 0 to 1" \
  "count($root/$(el au)[@masteryScore and not(number(@masteryScore) >= 0 and number(@masteryScore) <= 1)]) = 0"
check "each AU launches a scenario of the package" \
  "count($root/$(el au)[not(starts-with($(el url), 'index.html?scenario='))]) = 0"
echo "cmi5.xml: $passed passed, 0 failed ($units AUs)"
