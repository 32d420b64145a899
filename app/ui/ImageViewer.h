#pragma once
//! An image shown whole: fitted to the window (never enlarged), the thumbnail while the file
//! loads, Escape closes, Save writes the file where the user says.

#include "shared/Types.h"

#include <QDialog>
#include <QPixmap>

class QLabel;
class QPushButton;

namespace kith::app {

class AttachmentCache;

class ImageViewer : public QDialog
{
    Q_OBJECT
public:
    ImageViewer(const Attachment &attachment, AttachmentCache *cache, QWidget *parent = nullptr);

    bool isLoaded() const { return !m_bytes.isEmpty(); }
    QSize imageSize() const { return m_full.size(); }
    //! Writes the file to `path`; false (and says why) when it cannot.
    bool saveTo(const QString &path);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void showScaled();
    void save();

    Attachment m_attachment;
    QByteArray m_bytes;
    QPixmap m_full;
    QLabel *m_image;
    QLabel *m_status;
    QPushButton *m_save;
};

} // namespace kith::app
