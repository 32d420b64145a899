#include "ProfileDialog.h"

#include "AvatarCropper.h"
#include "Icons.h"
#include "Theme.h"
#include "state/ClientState.h"
#include "shared/Limits.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QVBoxLayout>

namespace kith::app {

namespace {
constexpr int kPreview = 96;
}

ProfileDialog::ProfileDialog(ClientState *state, const Theme *theme, Id guildId, QWidget *parent)
    : QDialog(parent), m_state(state), m_theme(theme), m_guildId(guildId), m_cropper(new AvatarCropper(this)),
      m_preview(new QLabel(this)), m_error(new QLabel(this)), m_remove(new QPushButton(this)), m_save(nullptr)
{
    setObjectName(QStringLiteral("ProfileDialog"));
    setWindowTitle(guildId ? tr("Server icon") : tr("Edit profile"));
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    m_preview->setObjectName(QStringLiteral("ProfilePreview"));
    m_preview->setFixedSize(kPreview, kPreview);
    top->addWidget(m_preview, 0, Qt::AlignTop);
    auto *side = new QVBoxLayout;
    auto *form = new QFormLayout;
    if (!guildId) {
        m_name = new QLineEdit(this);
        m_name->setObjectName(QStringLiteral("ProfileName"));
        m_name->setMaxLength(limits::kDisplayNameMax);
        const User &me = state->me();
        m_name->setText(me.displayName.isEmpty() ? me.username : me.displayName);
        form->addRow(tr("Display name"), m_name);
    }
    side->addLayout(form);
    auto *buttons = new QHBoxLayout;
    auto *choose = new QPushButton(guildId ? tr("Choose icon…") : tr("Choose avatar…"), this);
    choose->setObjectName(QStringLiteral("ChooseImage"));
    connect(choose, &QPushButton::clicked, this, &ProfileDialog::chooseFile);
    m_remove->setObjectName(QStringLiteral("RemoveImage"));
    m_remove->setText(guildId ? tr("Remove icon") : tr("Remove avatar"));
    connect(m_remove, &QPushButton::clicked, this, [this] {
        m_removed = true;
        m_cropper->setImage({});
        m_cropper->hide();
        updatePreview();
    });
    buttons->addWidget(choose);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    side->addLayout(buttons);
    auto *hint = new QLabel(tr("Drag the circle to choose what shows; the mouse wheel or + and − zoom."), this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    side->addWidget(hint);
    side->addStretch();
    top->addLayout(side, 1);
    layout->addLayout(top);

    m_cropper->setObjectName(QStringLiteral("AvatarCropper"));
    m_cropper->hide(); // until a picture is chosen
    connect(m_cropper, &AvatarCropper::selectionChanged, this, &ProfileDialog::updatePreview);
    layout->addWidget(m_cropper, 1);

    m_error->setObjectName(QStringLiteral("ProfileError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1").arg(theme->color(QStringLiteral("dangerText")).name()));
    m_error->hide();
    layout->addWidget(m_error);

    auto *box = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = box->button(QDialogButtonBox::Save);
    connect(box, &QDialogButtonBox::accepted, this, &ProfileDialog::save);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(box);

    // The current picture may still be on its way.
    connect(state->attachments(), &AttachmentCache::avatarReady, this, &ProfileDialog::updatePreview);
    updatePreview();
}

void ProfileDialog::setPicture(const QImage &image)
{
    m_removed = false;
    m_cropper->setImage(image);
    m_cropper->setVisible(!image.isNull());
    m_error->hide();
    adjustSize();
    updatePreview();
}

QString ProfileDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void ProfileDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose an image"), QString(),
                                                      tr("Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp)"));
    if (path.isEmpty())
        return;
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull()) {
        m_error->setText(tr("That file is not an image this app can read."));
        m_error->show();
        return;
    }
    setPicture(image);
}

void ProfileDialog::updatePreview()
{
    const qreal dpr = devicePixelRatioF();
    QImage out(QSize(kPreview, kPreview) * dpr, QImage::Format_ARGB32_Premultiplied);
    out.setDevicePixelRatio(dpr);
    out.fill(Qt::transparent);
    QPainter p(&out);
    p.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
    const QRectF r(0, 0, kPreview, kPreview);
    const Guild guild = m_guildId ? m_state->guild(m_guildId) : Guild();
    const User &me = m_state->me();
    const QString name = m_guildId ? guild.name : (m_name && !m_name->text().isEmpty() ? m_name->text() : me.username);
    const Id id = m_guildId ? m_guildId : me.id;
    if (m_cropper->hasImage()) {
        QPainterPath shape;
        if (m_guildId)
            shape.addRoundedRect(r, 30, 30); // a guild's icon is a circle at rest, this when selected
        else
            shape.addEllipse(r);
        icons::paintImageIn(&p, r, shape, m_cropper->cropped(kPreview * 2));
    } else {
        const QImage current = m_removed ? QImage() : m_state->attachments()->avatar(m_guildId ? guild.icon : me.avatar);
        icons::paintAvatar(&p, r, id, name, *m_theme, current);
    }
    p.end();
    m_preview->setPixmap(QPixmap::fromImage(out));
    m_remove->setEnabled(m_cropper->hasImage() || (!m_removed && !(m_guildId ? guild.icon : me.avatar).isEmpty()));
}

void ProfileDialog::save()
{
    const bool changePicture = m_cropper->hasImage() || m_removed;
    const QImage picture = m_cropper->hasImage() ? m_cropper->cropped() : QImage();
    auto done = [this](bool ok, const Error &e) {
        m_save->setEnabled(true);
        if (!ok) {
            m_error->setText(e.message.isEmpty() ? tr("The host refused it.") : e.message);
            m_error->show();
            return;
        }
        emit saved();
        accept();
    };
    if (m_guildId) {
        if (!changePicture)
            return accept();
        m_save->setEnabled(false);
        return m_state->setGuildIcon(m_guildId, picture, this, done);
    }
    const QString name = m_name->text().simplified();
    const User &me = m_state->me();
    const bool rename = !name.isEmpty() && name != me.displayName;
    if (!rename && !changePicture)
        return accept();
    m_save->setEnabled(false);
    m_state->setProfile(rename ? name : QString(), picture, changePicture, this, done);
}

} // namespace kith::app
