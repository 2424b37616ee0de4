module.exports = {
  displayName: 'infra',
  preset: '../../tools/jest/jest.preset.js',
  coverageDirectory: '../../coverage/tools/infra',
};
