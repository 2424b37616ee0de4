module.exports = {
  displayName: 'bench',
  preset: '../../tools/jest/jest.preset.js',
  coverageDirectory: '../../coverage/tools/bench',
};
