/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * rsctool's dumps of a validated image: text for humans (dump_text.c),
 * one JSON object for scripts (dump_json.c).
 */
#ifndef RSCTOOL_DUMP_H
#define RSCTOOL_DUMP_H

#include "image.h"

/**
 * rsctool_dump_text() - print a validated image's table for humans
 * @im: the image
 */
void rsctool_dump_text(const struct rsctool_image *im);

/**
 * rsctool_dump_json() - print a validated image's table as one JSON object
 * @im: the image
 */
void rsctool_dump_json(const struct rsctool_image *im);

#endif /* RSCTOOL_DUMP_H */
