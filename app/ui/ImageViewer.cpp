#include "ImageViewer.h"

#include "state/AttachmentCache.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace kith::app {

ImageViewer::ImageViewer(const Attachment &attachment, AttachmentCache *cache, QWidget *parent)
    : QDialog(parent), m_attachment(attachment), m_image(new QLabel(this)), m_status(new QLabel(this)),
      m_save(new QPushButton(tr("Save…"), this))
{
    setObjectName(QStringLiteral("ImageViewer"));
    setWindowTitle(attachment.filename);
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(this);
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setMinimumSize(200, 150);
    m_image->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    layout->addWidget(m_image, 1);
    auto *row = new QHBoxLayout;
    m_status->setText(tr("%1 · %2×%3 · %4")
                          .arg(attachment.filename).arg(attachment.width).arg(attachment.height)
                          .arg(QLocale().formattedDataSize(attachment.size)));
    row->addWidget(m_status, 1);
    m_save->setEnabled(false);
    connect(m_save, &QPushButton::clicked, this, &ImageViewer::save);
    row->addWidget(m_save);
    auto *close = new QPushButton(tr("Close"), this);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    row->addWidget(close);
    layout->addLayout(row);
    // The thumbnail at once, the file when it comes.
    if (cache->hasThumbnail(attachment.id))
        m_full = QPixmap::fromImage(cache->thumbnail(attachment));
    resize(QSize(attachment.width, attachment.height).boundedTo(QSize(1200, 800)).expandedTo(QSize(420, 300))
           + QSize(24, 60));
    showScaled();
    cache->fetch(attachment, this, [this](const QByteArray &bytes, const QString &error) {
        QPixmap full;
        if (!error.isEmpty() || !full.loadFromData(bytes)) {
            m_status->setText(tr("Could not load the image: %1").arg(error.isEmpty() ? tr("not a picture") : error));
            return;
        }
        m_bytes = bytes;
        m_full = full;
        m_save->setEnabled(true);
        showScaled();
    });
}

void ImageViewer::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    showScaled();
}

void ImageViewer::showScaled()
{
    if (m_full.isNull()) {
        m_image->setText(tr("Loading…"));
        return;
    }
    const QSize room = m_image->size();
    const QSize size = m_full.size().width() > room.width() || m_full.size().height() > room.height()
        ? m_full.size().scaled(room, Qt::KeepAspectRatio) : m_full.size();
    m_image->setPixmap(m_full.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

bool ImageViewer::saveTo(const QString &path)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(m_bytes) != m_bytes.size() || !f.commit()) {
        m_status->setText(tr("Could not save: %1").arg(f.errorString()));
        return false;
    }
    m_status->setText(tr("Saved to %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void ImageViewer::save()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save image"), QDir(dir).filePath(m_attachment.filename));
    if (!path.isEmpty())
        saveTo(path);
}

} // namespace kith::app
