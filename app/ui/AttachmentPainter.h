#pragma once
//! Lays out and paints a message's attachments under its text: images as thumbnails sized from
//! the width and height the host sent (so a row never changes height when the bytes arrive),
//! other files as a card with an icon, the name, the size and a save button.

#include "shared/Types.h"

#include <QList>
#include <QRect>

class QFont;
class QPainter;

namespace kith::app {

class AttachmentCache;
class Theme;

class AttachmentPainter
{
public:
    //! Where one attachment is drawn, relative to the body's top-left.
    struct Box {
        int index = 0;   //!< in the message's attachments
        QRect rect;
        bool image = false;
        QRect save;      //!< a file card's save button; empty for images and unsent files
    };
    static constexpr int kMaxImageW = 400;
    static constexpr int kMaxImageH = 300;
    static constexpr int kGap = 6;

    //! The boxes of `list`, one under another from `top`, in `width`.
    static QList<Box> layout(const QList<Attachment> &list, int width, int top);
    //! Where the last box ends (`top` when there are none).
    static int bottom(const QList<Box> &boxes, int top);
    //! The size an image is shown at: fitted in the maximum and the width, never enlarged.
    static QSize imageSize(const Attachment &a, int width);
    static bool isImage(const Attachment &a) { return a.id && a.width > 0 && a.height > 0; }

    //! Thumbnails come from `cache` (it fetches what it lacks: only rows painted ask).
    static void paint(QPainter *p, const QList<Attachment> &list, const QList<Box> &boxes,
                      AttachmentCache *cache, const Theme &theme, const QFont &font);
    //! A page with a folded corner and the file's extension on it.
    static void paintFileIcon(QPainter *p, const QRectF &r, const QString &filename, const Theme &theme);
};

} // namespace kith::app
