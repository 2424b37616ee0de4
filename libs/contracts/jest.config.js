module.exports = {
  displayName: 'contracts',
  preset: '../../tools/jest/jest.preset.js',
  coverageDirectory: '../../coverage/libs/contracts',
};
