// The formatting toolbar: headings, emphasis, lists, quote, and undo / redo of one's own edits.
import { ActionIcon, Divider, Group, Tooltip } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconBlockquote,
  IconBold,
  IconH1,
  IconH2,
  IconH3,
  IconItalic,
  IconList,
  IconListNumbers,
  IconStrikethrough,
} from '@tabler/icons-react';
import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

type ToolKey =
  | 'h1'
  | 'h2'
  | 'h3'
  | 'bold'
  | 'italic'
  | 'strike'
  | 'bulletList'
  | 'orderedList'
  | 'blockquote';

interface Tool {
  key: ToolKey;
  icon: ComponentType<{ size?: number }>;
  shortcut?: string;
  isActive: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
}

const heading = (level: 1 | 2 | 3, icon: Tool['icon']): Tool => ({
  key: `h${level}`,
  icon,
  shortcut: `Ctrl+Alt+${level}`,
  isActive: (e) => e.isActive('heading', { level }),
  run: (e) => e.chain().focus().toggleHeading({ level }).run(),
});

/** Groups of tools, separated in the bar. */
const GROUPS: Tool[][] = [
  [heading(1, IconH1), heading(2, IconH2), heading(3, IconH3)],
  [
    {
      key: 'bold',
      icon: IconBold,
      shortcut: 'Ctrl+B',
      isActive: (e) => e.isActive('bold'),
      run: (e) => e.chain().focus().toggleBold().run(),
    },
    {
      key: 'italic',
      icon: IconItalic,
      shortcut: 'Ctrl+I',
      isActive: (e) => e.isActive('italic'),
      run: (e) => e.chain().focus().toggleItalic().run(),
    },
    {
      key: 'strike',
      icon: IconStrikethrough,
      isActive: (e) => e.isActive('strike'),
      run: (e) => e.chain().focus().toggleStrike().run(),
    },
  ],
  [
    {
      key: 'bulletList',
      icon: IconList,
      isActive: (e) => e.isActive('bulletList'),
      run: (e) => e.chain().focus().toggleBulletList().run(),
    },
    {
      key: 'orderedList',
      icon: IconListNumbers,
      isActive: (e) => e.isActive('orderedList'),
      run: (e) => e.chain().focus().toggleOrderedList().run(),
    },
    {
      key: 'blockquote',
      icon: IconBlockquote,
      isActive: (e) => e.isActive('blockquote'),
      run: (e) => e.chain().focus().toggleBlockquote().run(),
    },
  ],
];

const ALL_TOOLS = GROUPS.flat();

function ToolButton(props: {
  label: string;
  icon: Tool['icon'];
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
}) {
  const { label, icon: Icon, active = false, disabled = false, onClick } = props;
  return (
    <Tooltip label={label} openDelay={400} withArrow>
      <ActionIcon
        variant={active ? 'light' : 'subtle'}
        color={active ? 'unesco' : 'dark'}
        size={34}
        aria-label={label}
        aria-pressed={active}
        disabled={disabled}
        // Keeps the selection in the text while the button is pressed.
        onMouseDown={(event) => event.preventDefault()}
        onClick={onClick}
      >
        <Icon size={18} />
      </ActionIcon>
    </Tooltip>
  );
}

export function EditorToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      active: Object.fromEntries(ALL_TOOLS.map((tool) => [tool.key, tool.isActive(e)])),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const withShortcut = (tool: Tool) =>
    tool.shortcut
      ? `${t(`documents.toolbar.${tool.key}`)} (${tool.shortcut})`
      : t(`documents.toolbar.${tool.key}`);

  return (
    <div className="uccn-editor__toolbar">
      <Group
        className="uccn-editor__tools"
        gap={4}
        role="toolbar"
        aria-label={t('documents.toolbar.label')}
        wrap="wrap"
      >
        {GROUPS.map((group, index) => (
          <Group key={group[0]?.key} gap={2} wrap="nowrap">
            {index > 0 && <Divider orientation="vertical" mx={6} />}
            {group.map((tool) => (
              <ToolButton
                key={tool.key}
                label={withShortcut(tool)}
                icon={tool.icon}
                active={state.active[tool.key] ?? false}
                onClick={() => tool.run(editor)}
              />
            ))}
          </Group>
        ))}
        <Divider orientation="vertical" mx={6} />
        <ToolButton
          label={`${t('documents.toolbar.undo')} (Ctrl+Z)`}
          icon={IconArrowBackUp}
          disabled={!state.canUndo}
          onClick={() => editor.chain().focus().undo().run()}
        />
        <ToolButton
          label={`${t('documents.toolbar.redo')} (Ctrl+Shift+Z)`}
          icon={IconArrowForwardUp}
          disabled={!state.canRedo}
          onClick={() => editor.chain().focus().redo().run()}
        />
      </Group>
    </div>
  );
}
