#include "DeleteMessageDialog.h"

#include "Theme.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace kith::app {

namespace {
constexpr int kPreviewChars = 300; // enough to recognise it; the rest would only push the buttons away
} // namespace

DeleteMessageDialog::DeleteMessageDialog(const QString &author, const QString &content, const Theme *theme,
                                         QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("DeleteMessageDialog"));
    setWindowTitle(tr("Delete message"));
    setMinimumWidth(420);
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(tr("Delete message"), this);
    heading->setProperty("heading", true);
    layout->addWidget(heading);
    auto *question = new QLabel(tr("Are you sure you want to delete this message? Everyone loses it."), this);
    question->setWordWrap(true);
    layout->addWidget(question);

    m_preview = content.size() > kPreviewChars ? content.left(kPreviewChars) + QChar(0x2026) : content;
    auto *frame = new QWidget(this);
    frame->setObjectName(QStringLiteral("MessagePreview"));
    frame->setAttribute(Qt::WA_StyledBackground);
    frame->setStyleSheet(QStringLiteral("#MessagePreview { background: %1; border-radius: 6px; }")
                             .arg(theme->color(QStringLiteral("chat")).name()));
    auto *fl = new QVBoxLayout(frame);
    fl->setContentsMargins(12, 10, 12, 10);
    auto *who = new QLabel(author, frame);
    who->setStyleSheet(QStringLiteral("font-weight: 600;"));
    fl->addWidget(who);
    auto *text = new QLabel(frame);
    text->setTextFormat(Qt::PlainText);
    text->setText(m_preview);
    text->setWordWrap(true);
    fl->addWidget(text);
    layout->addWidget(frame);
    auto *tip = new QLabel(tr("Tip: hold Shift while you click Delete to skip this question."), this);
    tip->setProperty("muted", true);
    tip->setWordWrap(true);
    layout->addWidget(tip);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(QDialogButtonBox::Cancel);
    m_delete = buttons->addButton(tr("Delete"), QDialogButtonBox::AcceptRole);
    m_delete->setProperty("danger", true);
    m_delete->setObjectName(QStringLiteral("DeleteButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString DeleteMessageDialog::preview() const
{
    return m_preview;
}

} // namespace kith::app
