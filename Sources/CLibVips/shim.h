#ifndef BINDERY_CLIBVIPS_SHIM_H
#define BINDERY_CLIBVIPS_SHIM_H
// libvips (and fontconfig, which its text rendering uses). Only
// BinderyKit/Assets imports this module.
//
// libvips's API takes optional arguments as NULL-terminated varargs, which
// Swift cannot call. Each wrapper below fixes one call's optional arguments;
// all return 0 on success and -1 on failure (the reason is in
// vips_error_buffer()), and every VipsImage they hand out is owned by the
// caller, who must g_object_unref it.
#include <vips/vips.h>
#include <fontconfig/fontconfig.h>
#include <malloc.h>
#include <string.h>

static void bindery_vips_quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

/// Starts libvips once for the process: one thread per image (Bindery runs
/// images side by side on all cores instead), no operation cache (every
/// image is processed once), and no loaders that are not fuzzed, except
/// ImageMagick's for buffers (BMP only reaches it; see PictureProcessor).
/// libvips's own warnings (a truncated JPEG, an ignored colour profile) are
/// silenced: Bindery reports one warning per picture itself.
static inline int bindery_vips_start(void) {
    // Large buffers (decoded pictures) are mapped and unmapped, never kept
    // in the heap: glibc otherwise raises this threshold after the first
    // large free, and a run of pictures leaves the heap at its high-water mark.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    if (vips_init("bindery") != 0) return -1;
    vips_concurrency_set(1);
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_cache_set_max_files(0);
    vips_block_untrusted_set(TRUE);
    vips_operation_block_set("VipsForeignLoadMagickBuffer", FALSE);
    vips_operation_block_set("VipsForeignLoadPdf", TRUE);
    g_log_set_handler("VIPS", (GLogLevelFlags)(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO),
                      bindery_vips_quiet, NULL);
    return 0;
}

/// The error text libvips collected, then cleared. The caller frees it with g_free.
static inline char *bindery_vips_take_error(void) {
    char *text = vips_error_buffer_copy();
    return text;
}

/// The header of an image in memory (pixels are decoded only when needed).
/// `buf` must outlive the image.
static inline int bindery_vips_header(const void *buf, size_t len, VipsImage **out) {
    *out = vips_image_new_from_buffer(buf, len, "", "access", VIPS_ACCESS_SEQUENTIAL, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
    return *out ? 0 : -1;
}

/// Decodes and shrinks to fit `width` × `height` (never enlarging), upright
/// by the EXIF orientation; animated images give their first frame.
/// `load_options` asks the decoder to shrink while decoding (JPEG
/// `shrink=N`, WebP `scale=X`), which is where most of the time goes.
/// `colour_managed`: the picture carries an ICC profile and is converted to
/// sRGB through it (a transform on every picture would cost more than the
/// decoding). A damaged or truncated file makes the first read of the
/// pixels fail.
static inline int bindery_vips_fit(const void *buf, size_t len, const char *load_options, int width, int height,
                                   int colour_managed, VipsImage **out) {
    VipsImage *in = vips_image_new_from_buffer(buf, len, load_options, "access", VIPS_ACCESS_SEQUENTIAL,
                                               "fail_on", VIPS_FAIL_ON_ERROR, NULL);
    if (!in) return -1;
    int status = colour_managed
        ? vips_thumbnail_image(in, out, width, "height", height, "size", VIPS_SIZE_DOWN, "export_profile", "srgb", NULL)
        : vips_thumbnail_image(in, out, width, "height", height, "size", VIPS_SIZE_DOWN, NULL);
    g_object_unref(in);
    return status;
}

/// Shrinks and crops to fill exactly `width` × `height`, keeping the most
/// interesting part (for the cover picture).
static inline int bindery_vips_fill(VipsImage *in, int width, int height, VipsImage **out) {
    return vips_thumbnail_image(in, out, width, "height", height, "crop", VIPS_INTERESTING_ATTENTION, NULL);
}

static inline int bindery_vips_colourspace(VipsImage *in, VipsInterpretation space, VipsImage **out) {
    return vips_colourspace(in, out, space, NULL);
}

static inline int bindery_vips_cast_uchar(VipsImage *in, VipsImage **out) {
    return vips_cast(in, out, VIPS_FORMAT_UCHAR, NULL);
}

/// Alpha blended onto white; the alpha band is gone.
static inline int bindery_vips_flatten_white(VipsImage *in, VipsImage **out) {
    double white[3] = {255, 255, 255};
    VipsArrayDouble *background = vips_array_double_new(white, in->Bands > 2 ? 3 : 1);
    int status = vips_flatten(in, out, "background", background, NULL);
    vips_area_unref(VIPS_AREA(background));
    return status;
}

static inline int bindery_vips_extract_bands(VipsImage *in, int first, int count, VipsImage **out) {
    return vips_extract_band(in, out, first, "n", count, NULL);
}

static inline int bindery_vips_min(VipsImage *in, double *out) {
    return vips_min(in, out, NULL);
}

/// A nearest-neighbour sample no larger than `size` on its long side (for
/// counting colours: no new colours may be made up by interpolation).
static inline int bindery_vips_sample(VipsImage *in, int size, VipsImage **out) {
    int longest = in->Xsize > in->Ysize ? in->Xsize : in->Ysize;
    int step = longest > size ? (longest + size - 1) / size : 1;
    return vips_subsample(in, out, step, step, "point", TRUE, NULL);
}

/// Encodes by file suffix with options, e.g. ".jpg[Q=75,strip]". The caller
/// frees `*buf` with g_free.
static inline int bindery_vips_save(VipsImage *in, const char *suffix, void **buf, size_t *len) {
    return vips_image_write_to_buffer(in, suffix, buf, len, NULL);
}

/// Renders Pango markup in `font`, word-wrapped at `width` pixels, as an
/// 8-bit coverage mask (0 = paper, 255 = ink).
static inline int bindery_vips_text(const char *markup, const char *font, int width, int spacing, int align,
                                    VipsImage **out) {
    return vips_text(out, markup, "font", font, "width", width, "dpi", 72, "spacing", spacing,
                     "align", (VipsAlign)align, "wrap", VIPS_TEXT_WRAP_WORD_CHAR, NULL);
}

/// A `width` × `height` image in memory, every pixel `ink` (one value per band).
static inline int bindery_vips_canvas(int width, int height, double *ink, int bands, VipsImage **out) {
    VipsImage *black = NULL;
    if (vips_black(&black, width, height, "bands", bands, NULL) != 0) return -1;
    VipsImage *bytes = NULL;
    int status = vips_cast(black, &bytes, VIPS_FORMAT_UCHAR, NULL);
    g_object_unref(black);
    if (status != 0) return -1;
    *out = vips_image_copy_memory(bytes);
    g_object_unref(bytes);
    if (!*out) return -1;
    (*out)->Type = bands >= 3 ? VIPS_INTERPRETATION_sRGB : VIPS_INTERPRETATION_B_W;
    if (vips_draw_rect(*out, ink, bands, 0, 0, width, height, "fill", TRUE, NULL) != 0) {
        g_object_unref(*out);
        *out = NULL;
        return -1;
    }
    return 0;
}

static inline int bindery_vips_draw_rect(VipsImage *image, double *ink, int n, int left, int top, int width, int height) {
    return vips_draw_rect(image, ink, n, left, top, width, height, "fill", TRUE, NULL);
}

static inline int bindery_vips_draw_mask(VipsImage *image, double *ink, int n, VipsImage *mask, int x, int y) {
    return vips_draw_mask(image, ink, n, mask, x, y, NULL);
}

static inline int bindery_vips_draw_image(VipsImage *image, VipsImage *sub, int x, int y) {
    return vips_draw_image(image, sub, x, y, NULL);
}

/// Says how the bands of `image` are to be read (sRGB, B_W, CMYK …).
static inline void bindery_vips_set_interpretation(VipsImage *image, VipsInterpretation interpretation) {
    image->Type = interpretation;
}

/// Sets an integer header field (e.g. `page-height` for multi-frame images).
static inline void bindery_vips_set_int(VipsImage *image, const char *name, int value) {
    vips_image_set_int(image, name, value);
}

/// 1 when `name` has an integer header field, with its value in `*value`.
static inline int bindery_vips_get_int(VipsImage *image, const char *name, int *value) {
    if (vips_image_get_typeof(image, name) == 0) return 0;
    return vips_image_get_int(image, name, value) == 0 ? 1 : 0;
}

/// 1 when the image carries an ICC colour profile.
static inline int bindery_vips_has_profile(VipsImage *image) {
    return vips_image_get_typeof(image, VIPS_META_ICC_NAME) != 0;
}

/// The family fontconfig picks for `pattern` (e.g. "Noto Serif CJK SC",
/// "serif"), copied into `family` (NUL-terminated); 0 when there is none.
static inline int bindery_font_match(const char *pattern, char *family, size_t size) {
    FcPattern *wanted = FcNameParse((const FcChar8 *)pattern);
    if (!wanted) return 0;
    FcConfigSubstitute(NULL, wanted, FcMatchPattern);
    FcDefaultSubstitute(wanted);
    FcResult result = FcResultNoMatch;
    FcPattern *found = FcFontMatch(NULL, wanted, &result);
    FcPatternDestroy(wanted);
    if (!found) return 0;
    FcChar8 *name = NULL;
    int ok = FcPatternGetString(found, FC_FAMILY, 0, &name) == FcResultMatch && name != NULL;
    if (ok) {
        strncpy(family, (const char *)name, size - 1);
        family[size - 1] = 0;
    }
    FcPatternDestroy(found);
    return ok;
}

#endif
