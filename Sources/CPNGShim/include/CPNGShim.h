// PNG decoding through libpng with its longjmp error handling kept inside C.
#pragma once
