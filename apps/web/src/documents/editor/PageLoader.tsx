// A quiet spinner while a document or its session opens.
import { Center, Loader } from '@mantine/core';

export function PageLoader() {
  return (
    <Center py={80}>
      <Loader aria-hidden />
    </Center>
  );
}
