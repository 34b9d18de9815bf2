// libhyphen (Hunspell's hyphenation library); Debian ships no pkg-config file for it.
#include <stdio.h>
#include <hyphen.h>
