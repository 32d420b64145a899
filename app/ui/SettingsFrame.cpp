#include "SettingsFrame.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace kith::app {

SettingsFrame::SettingsFrame(const QString &sectionsName, QWidget *parent)
    : QDialog(parent)
    , m_sections(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
{
    setMinimumSize(640, 460);
    if (parent)
        resize(parent->size().expandedTo(minimumSize()));
    auto *body = new QHBoxLayout(this);
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(0);
    m_sections->setObjectName(QStringLiteral("SettingsSections"));
    m_sections->setAccessibleName(sectionsName);
    m_sections->setFixedWidth(220);
    body->addWidget(m_sections);
    auto *right = new QVBoxLayout;
    body->addLayout(right, 1);
    right->addWidget(m_stack, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setContentsMargins(12, 0, 12, 12);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    right->addWidget(buttons);
    connect(m_sections, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
}

QStringList SettingsFrame::sections() const
{
    QStringList out;
    for (int i = 0; i < m_sections->count(); ++i)
        out << m_sections->item(i)->text();
    return out;
}

void SettingsFrame::showSection(const QString &title)
{
    const int row = int(sections().indexOf(title));
    if (row >= 0)
        m_sections->setCurrentRow(row);
}

QVBoxLayout *SettingsFrame::newPage(const QString &title)
{
    auto *page = new QWidget(m_stack);
    auto *v = new QVBoxLayout(page);
    v->setContentsMargins(40, 56, 40, 16);
    v->setSpacing(12);
    auto *heading = new QLabel(title, page);
    heading->setProperty("heading", true);
    v->addWidget(heading);
    addSection(title, page);
    return v;
}

void SettingsFrame::addSection(const QString &title, QWidget *page)
{
    m_sections->addItem(title);
    m_stack->addWidget(page);
}

void SettingsFrame::whenShown(QWidget *page, const std::function<void()> &shown)
{
    // After the stack has followed the list: connected later than the constructor's connection.
    connect(m_sections, &QListWidget::currentRowChanged, this, [this, page, shown] {
        if (m_stack->currentWidget() == page)
            shown();
    });
}

void SettingsFrame::showFirstSection()
{
    m_sections->setCurrentRow(0);
}

} // namespace kith::app
