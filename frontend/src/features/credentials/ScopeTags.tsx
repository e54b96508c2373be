import { Flex, Tag } from 'antd';

export function ScopeTags({ scopes }: { scopes: readonly string[] }) {
  return (
    <Flex gap={4} wrap>
      {scopes.map((scope) => (
        <Tag key={scope} color={scope.endsWith(':write') ? 'geekblue' : 'blue'} className="tessera-mono" style={{ marginInlineEnd: 0 }}>
          {scope}
        </Tag>
      ))}
    </Flex>
  );
}
