module.exports = {
  displayName: 'event-store',
  preset: '../../tools/jest/jest.preset.js',
  coverageDirectory: '../../coverage/libs/event-store',
};
