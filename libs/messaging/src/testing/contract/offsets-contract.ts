import { UnknownTopicError } from '../../errors';
import { collector } from '../helpers';
import { eventually, uniqueName } from '@extapps/testing';
import { ContractFixture, text } from './fixture';

/** End offsets say how far a reader must get to have seen everything published so far. */
export function offsetsContract(f: ContractFixture): void {
  it('gives every partition of a new topic the end offset 0', async () => {
    const topic = await f.topic(3);
    expect(await f.bus.endOffsets(topic)).toEqual([
      { partition: 0, offset: '0' },
      { partition: 1, offset: '0' },
      { partition: 2, offset: '0' },
    ]);
  });

  it('puts each partition end just after its last message', async () => {
    const topic = await f.topic(2);
    await f.send(topic, [...text('a', 'a1', 'a2', 'a3'), ...text('b', 'b1'), ...text('c', 'c1')]);
    const seen = collector();
    await f.start({ groupId: f.group(), topics: [topic] }, seen.handler);
    await eventually(() => expect(seen.received).toHaveLength(5));
    const lastByPartition = [0, 1].map((partition) =>
      seen.received
        .filter((m) => m.partition === partition)
        .reduce((end, m) => Math.max(end, Number(m.offset) + 1), 0),
    );
    expect(await f.bus.endOffsets(topic)).toEqual([
      { partition: 0, offset: String(lastByPartition[0]) },
      { partition: 1, offset: String(lastByPartition[1]) },
    ]);
  });

  it('does not move the end offsets by reading or committing', async () => {
    const topic = await f.topic();
    await f.send(topic, text('k', 'one', 'two'));
    const before = await f.bus.endOffsets(topic);
    const groupId = f.group();
    const seen = collector();
    await f.start({ groupId, topics: [topic] }, seen.handler);
    await eventually(async () =>
      expect(await f.bus.committedOffsets(groupId, topic)).toEqual([{ partition: 0, offset: '2' }]),
    );
    expect(before).toEqual([{ partition: 0, offset: '2' }]);
    expect(await f.bus.endOffsets(topic)).toEqual(before);
  });

  it('rejects a topic that does not exist, without creating it', async () => {
    const missing = uniqueName('missing');
    await expect(f.bus.endOffsets(missing)).rejects.toThrow(UnknownTopicError);
    await expect(f.bus.endOffsets(missing)).rejects.toThrow(`topic ${missing} does not exist`);
  });
}
