import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Tag,
  Tree,
  type TreeProps,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { CHAIN_POSITIONS, type ChainPosition, LINK_PRIORITIES } from '../../../../../shared/src/chain';
import { FullPageSpin } from '../../../components/full-page-spin';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../locales/i18n-context';
import { type Attached, type ChainLink, type LinkInput, useChain, useLinkOps } from '../api/use-chains';
import { ChainOwnersCard } from '../components/chain-owners-card';
import '../components/chain-messages';

type Editing =
  | { mode: 'add'; parentId: string | null; position: ChainPosition }
  | { mode: 'edit'; link: ChainLink };
type Node = NonNullable<TreeProps['treeData']>[number];

const GROUP = 'pos:';
/** antd passes unknown props to the DOM button; its types do not list data-* attributes. */
const testId = (id: string) => ({ 'data-testid': id }) as Record<string, string>;

/** `/chains/:id/edit` 产业链编辑: 链长 and 链主 (ChainOwnersCard), then the link tree — add, rename, drag to move or reorder, delete with confirmation. */
export function ChainEditorPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const { message, modal } = App.useApp();
  const chain = useChain(id);
  const ops = useLinkOps(id);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [form] = Form.useForm<LinkInput>();

  if (chain.isPending) return <FullPageSpin />;
  if (chain.isError) return <LoadErrorResult error={chain.error} onRetry={() => chain.refetch()} />;
  const links = chain.data.links;
  const fail = (err: unknown) => message.error(err instanceof ApiError ? pick(err.text) : String(err));

  const childrenOf = (parentId: string | null, position?: ChainPosition) =>
    links
      .filter((l) => l.parentId === parentId && (position === undefined || l.position === position))
      .sort((a, b) => a.sortOrder - b.sortOrder);

  const nodeOf = (l: ChainLink): Node => ({
    key: l.id,
    title: (
      <Space size={4} data-testid={`editor-link-${l.name}`}>
        <span>{l.name}</span>
        {l.priority === 'high' ? <Tag color="red">{t('chain.priority.high')}</Tag> : null}
        <Button
          size="small"
          type="text"
          icon={<PlusOutlined />}
          title={t('chain.editor.addChild')}
          data-testid={`editor-add-${l.name}`}
          onClick={(e) => {
            e.stopPropagation();
            openAdd(l.id, l.position);
          }}
        />
        <Button
          size="small"
          type="text"
          icon={<EditOutlined />}
          title={t('chain.editor.rename')}
          data-testid={`editor-edit-${l.name}`}
          onClick={(e) => {
            e.stopPropagation();
            openEdit(l);
          }}
        />
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          title={t('chain.editor.delete')}
          data-testid={`editor-delete-${l.name}`}
          onClick={(e) => {
            e.stopPropagation();
            void handleDelete(l);
          }}
        />
      </Space>
    ),
    children: childrenOf(l.id).map(nodeOf),
  });

  const treeData: Node[] = CHAIN_POSITIONS.map((p) => ({
    key: `${GROUP}${p}`,
    title: (
      <Space size={4}>
        <Typography.Text strong>{t(`chain.position.${p}`)}</Typography.Text>
        <Button
          size="small"
          type="link"
          icon={<PlusOutlined />}
          onClick={() => openAdd(null, p)}
          data-testid={`editor-add-root-${p}`}
        >
          {t('chain.editor.addLink')}
        </Button>
      </Space>
    ),
    children: childrenOf(null, p).map(nodeOf),
  }));

  function openAdd(parentId: string | null, position: ChainPosition) {
    form.resetFields();
    form.setFieldsValue({ priority: 'medium', industryCodes: [], keywords: [] });
    setEditing({ mode: 'add', parentId, position });
  }
  function openEdit(link: ChainLink) {
    form.setFieldsValue({
      name: link.name,
      description: link.description,
      industryCodes: link.industryCodes,
      keywords: link.keywords,
      priority: link.priority,
    });
    setEditing({ mode: 'edit', link });
  }

  const handleSave = async () => {
    if (!editing) return;
    const values = await form.validateFields();
    try {
      if (editing.mode === 'add')
        await ops.add.mutateAsync({ ...values, parentId: editing.parentId, position: editing.position });
      else await ops.update.mutateAsync({ linkId: editing.link.id, ...values });
      setEditing(null);
      message.success(t('common.saved'));
    } catch (err) {
      fail(err);
    }
  };

  async function handleDelete(link: ChainLink) {
    try {
      await ops.remove.mutateAsync({ linkId: link.id, confirm: false });
    } catch (err) {
      const attached = err instanceof ApiError ? (err.details.attached as Attached | undefined) : undefined;
      if (!attached) return fail(err);
      modal.confirm({
        title: t('chain.editor.deleteTitle', { name: link.name }),
        content: <span data-testid="editor-delete-summary">{pick((err as ApiError).text)}</span>,
        okText: t('chain.editor.delete'),
        okButtonProps: { danger: true, ...testId('editor-delete-confirm') },
        cancelButtonProps: testId('editor-delete-cancel'),
        onOk: async () => {
          try {
            await ops.remove.mutateAsync({ linkId: link.id, confirm: true });
            message.success(t('chain.editor.deleted', { name: link.name }));
          } catch (e) {
            fail(e);
          }
        },
      });
    }
  }

  const handleDrop: TreeProps['onDrop'] = async (info) => {
    const dragId = String(info.dragNode.key);
    const dropKey = String(info.node.key);
    const parts = String(info.node.pos).split('-');
    const relative = info.dropPosition - Number(parts[parts.length - 1]);
    let parentId: string | null;
    let position: ChainPosition | undefined;
    let index = 0;
    if (dropKey.startsWith(GROUP)) {
      if (!info.dropToGap || relative === 0) {
        parentId = null;
        position = dropKey.slice(GROUP.length) as ChainPosition;
      } else return; // dropped beside a group header: nothing sensible to do
    } else if (!info.dropToGap) {
      parentId = dropKey;
    } else {
      const target = links.find((l) => l.id === dropKey);
      if (!target) return;
      parentId = target.parentId;
      position = target.parentId === null ? target.position : undefined;
      const siblings = childrenOf(parentId, parentId === null ? target.position : undefined).filter(
        (l) => l.id !== dragId,
      );
      index = siblings.findIndex((l) => l.id === dropKey) + (relative > 0 ? 1 : 0);
    }
    try {
      await ops.move.mutateAsync({ linkId: dragId, parentId, index, position });
    } catch (err) {
      fail(err);
    }
  };

  return (
    <>
      <PageHeader
        title={t('chain.editor.title', { name: chain.data.name })}
        crumbs={[
          { title: t('nav.chains'), path: '/chains' },
          { title: chain.data.name, path: `/chains/${id}` },
        ]}
        subtitle={t('chain.editor.hint')}
      />
      <ChainOwnersCard chain={chain.data} />
      <Card size="small" data-testid="chain-editor">
        <Tree
          treeData={treeData}
          defaultExpandAll
          draggable={{ icon: false, nodeDraggable: (node) => !String(node.key).startsWith(GROUP) }}
          blockNode
          selectable={false}
          onDrop={handleDrop}
          key={links.length}
        />
      </Card>
      <Modal
        open={!!editing}
        title={editing?.mode === 'edit' ? t('chain.editor.rename') : t('chain.editor.addLink')}
        onCancel={() => setEditing(null)}
        onOk={handleSave}
        confirmLoading={ops.add.isPending || ops.update.isPending}
        okButtonProps={testId('editor-save')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('chain.link.name')} rules={[{ required: true, max: 120 }]}>
            <Input data-testid="editor-name" />
          </Form.Item>
          <Form.Item name="industryCodes" label={t('chain.link.codes')} extra={t('chain.link.codesHint')}>
            <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} />
          </Form.Item>
          <Form.Item name="keywords" label={t('chain.link.keywords')}>
            <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} />
          </Form.Item>
          <Form.Item name="priority" label={t('chain.link.priority')}>
            <Select options={LINK_PRIORITIES.map((p) => ({ value: p, label: t(`chain.priority.${p}`) }))} />
          </Form.Item>
          <Form.Item name="description" label={t('chain.link.description')}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
