#include "AttachmentTray.h"

#include "AttachmentPainter.h"
#include "Composer.h"
#include "Icons.h"
#include "Theme.h"
#include "net/Outbox.h"
#include "state/ClientState.h"

#include <QBuffer>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QProgressBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace kith::app {

namespace {
constexpr int kCard = 64; // a card's preview square
constexpr int kCardW = 230;

//! A small preview of a picture going out, read at the size shown (never the whole image).
QPixmap preview(const OutgoingFile &f)
{
    QBuffer buffer;
    QImageReader reader;
    if (f.sourcePath.isEmpty()) {
        buffer.setData(f.data);
        buffer.open(QIODevice::ReadOnly);
        reader.setDevice(&buffer);
    } else {
        reader.setFileName(f.sourcePath);
    }
    const QSize size = reader.size();
    if (!size.isValid() || !reader.canRead())
        return {};
    reader.setScaledSize(size.scaled(kCard, kCard, Qt::KeepAspectRatio));
    return QPixmap::fromImage(reader.read());
}
} // namespace

AttachmentTray::AttachmentTray(ClientState *state, Composer *composer, const Theme *theme, QWidget *parent)
    : QWidget(parent), m_state(state), m_composer(composer), m_theme(theme), m_cards(new QWidget(this)),
      m_upload(new QWidget(this)), m_uploadLabel(new QLabel(m_upload)), m_bar(new QProgressBar(m_upload)),
      m_cancel(new QToolButton(m_upload))
{
    setObjectName(QStringLiteral("AttachmentTray"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 4);
    layout->setSpacing(4);
    m_cardLayout = new QHBoxLayout(m_cards);
    m_cardLayout->setContentsMargins(0, 0, 0, 0);
    m_cardLayout->setSpacing(8);
    layout->addWidget(m_cards);
    auto *ul = new QHBoxLayout(m_upload);
    ul->setContentsMargins(0, 0, 0, 0);
    ul->addWidget(m_uploadLabel);
    m_bar->setObjectName(QStringLiteral("UploadProgress"));
    m_bar->setTextVisible(false);
    m_bar->setFixedHeight(6);
    ul->addWidget(m_bar, 1);
    m_cancel->setObjectName(QStringLiteral("UploadCancel"));
    m_cancel->setAutoRaise(true);
    followTheme(theme, m_cancel, [this, theme] {
        m_cancel->setIcon(icons::make(icons::Kind::Close, theme->color(QStringLiteral("textMuted")), 14));
    });
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (!m_nonce.isEmpty())
            m_state->discardSend(m_nonce);
    });
    ul->addWidget(m_cancel);
    layout->addWidget(m_upload);
    m_cards->hide();
    m_upload->hide();
    hide();
    retranslate();
    connect(composer, &Composer::filesChanged, this, &AttachmentTray::syncCards);
    connect(theme, &Theme::changed, this, &AttachmentTray::syncCards);
    connect(state, &ClientState::uploadProgress, this, &AttachmentTray::onProgress);
}

void AttachmentTray::retranslate()
{
    m_cancel->setToolTip(tr("Cancel the upload"));
    m_cancel->setAccessibleName(tr("Cancel the upload"));
}

void AttachmentTray::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        syncCards(); // the cards' "Remove NAME"
    }
    QWidget::changeEvent(event);
}

int AttachmentTray::cardCount() const
{
    return m_cardLayout->count() - (m_cardLayout->count() ? 1 : 0); // the stretch at the end
}

QString AttachmentTray::uploadText() const
{
    return m_upload->isVisible() || !m_nonce.isEmpty() ? m_uploadLabel->text() : QString();
}

void AttachmentTray::syncCards()
{
    while (QLayoutItem *item = m_cardLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QList<OutgoingFile> files = m_composer->files();
    for (int i = 0; i < files.size(); ++i) {
        const OutgoingFile &f = files[i];
        auto *card = new QWidget(m_cards);
        card->setObjectName(QStringLiteral("AttachmentCard"));
        card->setAttribute(Qt::WA_StyledBackground);
        card->setFixedWidth(kCardW);
        card->setStyleSheet(QStringLiteral("#AttachmentCard { background: %1; border: 1px solid %2; border-radius: 8px; }")
                                .arg(m_theme->color(QStringLiteral("input")).name(),
                                     m_theme->color(QStringLiteral("separator")).name()));
        auto *cl = new QHBoxLayout(card);
        cl->setContentsMargins(6, 6, 2, 6);
        cl->setSpacing(6);
        auto *icon = new QLabel(card);
        icon->setFixedSize(kCard, kCard);
        icon->setAlignment(Qt::AlignCenter);
        QPixmap pic = preview(f);
        if (pic.isNull()) {
            pic = QPixmap(kCard, kCard);
            pic.fill(Qt::transparent);
            QPainter p(&pic);
            p.setRenderHint(QPainter::Antialiasing);
            AttachmentPainter::paintFileIcon(&p, QRectF(18, 12, 28, 38), f.filename, *m_theme);
        }
        icon->setPixmap(pic);
        cl->addWidget(icon);
        const qint64 size = f.sourcePath.isEmpty() ? f.data.size() : QFileInfo(f.sourcePath).size();
        auto *name = new QLabel(card);
        const QString shown = name->fontMetrics().elidedText(f.filename, Qt::ElideMiddle, kCardW - kCard - 44);
        name->setText(QStringLiteral("%1<br><small>%2</small>")
                          .arg(shown.toHtmlEscaped(), QLocale().formattedDataSize(size)));
        name->setToolTip(f.filename);
        cl->addWidget(name, 1);
        auto *remove = new QToolButton(card);
        remove->setAutoRaise(true);
        remove->setToolTip(tr("Remove %1").arg(f.filename));
        remove->setAccessibleName(tr("Remove %1").arg(f.filename));
        remove->setIcon(icons::make(icons::Kind::Close, m_theme->color(QStringLiteral("dangerText")), 14));
        connect(remove, &QToolButton::clicked, this, [this, i] { m_composer->removeFile(i); });
        cl->addWidget(remove, 0, Qt::AlignTop);
        m_cardLayout->addWidget(card);
    }
    if (!files.isEmpty())
        m_cardLayout->addStretch(1);
    m_cards->setVisible(!files.isEmpty());
    setVisible(m_cards->isVisibleTo(this) || m_upload->isVisibleTo(this));
}

void AttachmentTray::onProgress(const QString &nonce, qint64 sent, qint64 total)
{
    m_nonce = nonce;
    if (nonce.isEmpty()) {
        m_upload->hide();
        setVisible(m_cards->isVisibleTo(this));
        return;
    }
    QString name;
    int count = 0;
    if (const Outbox *outbox = m_state->outbox())
        for (const OutboxEntry &e : outbox->entries())
            if (e.nonce == nonce && !e.files.isEmpty()) {
                name = e.files.first().filename;
                count = int(e.files.size());
            }
    const int percent = total > 0 ? int(sent * 100 / total) : 0;
    m_uploadLabel->setText(count > 1 ? tr("Uploading %1 files… %2%").arg(count).arg(percent)
                                     : tr("Uploading %1… %2%").arg(name).arg(percent));
    m_bar->setRange(0, 1000);
    m_bar->setValue(total > 0 ? int(sent * 1000 / total) : 0);
    m_upload->show();
    show();
}

} // namespace kith::app
