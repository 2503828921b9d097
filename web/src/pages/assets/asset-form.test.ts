import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.js';
import {
  assetFieldsInError,
  assetToForm,
  checkAssetForm,
  createAssetBody,
  emptyAssetForm,
  splitList,
  updateAssetBody,
  type Asset,
} from './asset-form.js';

const DC01: Asset = {
  id: 'a1',
  tenant: 'acme',
  name: 'dc01',
  hostnames: ['dc01', 'dc01.corp.example'],
  addresses: ['10.0.0.10'],
  users: [],
  owner: 'Infra',
  criticality: 5,
  tags: ['prod', 'ad'],
  source: 'manual',
  lastSeen: null,
  createdAt: 1,
  updatedAt: 1,
};

describe('splitList', () => {
  it('takes values one a line or separated by commas, trimmed, without blanks or repeats', () => {
    expect(splitList(' ws01 \nws02, ws03,,\n\nws01 ')).toEqual(['ws01', 'ws02', 'ws03']);
    expect(splitList('   ')).toEqual([]);
  });
});

describe('createAssetBody', () => {
  it('turns the form into the API body, with an empty owner and no criticality as null', () => {
    const form = {
      ...emptyAssetForm('acme'),
      name: ' web01 ',
      addresses: '10.1.0.0/16\n10.0.0.5',
      tags: 'dmz',
    };
    expect(createAssetBody(form)).toEqual({
      tenant: 'acme',
      name: 'web01',
      hostnames: [],
      addresses: ['10.1.0.0/16', '10.0.0.5'],
      users: [],
      owner: null,
      criticality: null,
      tags: ['dmz'],
    });
  });

  it('sends the chosen criticality as a number', () => {
    expect(createAssetBody({ ...emptyAssetForm('acme'), name: 'x', criticality: '4' }).criticality).toBe(4);
  });
});

describe('updateAssetBody', () => {
  it('sends nothing when the form still shows the asset', () => {
    expect(updateAssetBody(DC01, assetToForm(DC01))).toEqual({});
  });

  it('sends only the values that changed', () => {
    const form = { ...assetToForm(DC01), owner: '', criticality: '3', tags: 'prod\nad\ntier0' };
    expect(updateAssetBody(DC01, form)).toEqual({
      owner: null,
      criticality: 3,
      tags: ['prod', 'ad', 'tier0'],
    });
  });
});

describe('checkAssetForm', () => {
  it('asks for a name', () => {
    expect(checkAssetForm(emptyAssetForm('acme'))).toEqual({ name: 'required' });
    expect(checkAssetForm({ ...emptyAssetForm('acme'), name: 'x' })).toEqual({});
  });
});

describe('assetFieldsInError', () => {
  it('finds the fields named by request validation', () => {
    const error = new ApiError(400, 'REQUEST_INVALID', 'body.hostnames.1: Too big', {
      issues: [
        { path: 'body.hostnames.1', message: 'Too big' },
        { path: 'body.criticality', message: 'Too big' },
      ],
    });
    expect(assetFieldsInError(error)).toEqual(['hostnames', 'criticality']);
  });

  it('blames the name for a conflict and nothing for other errors', () => {
    expect(assetFieldsInError(new ApiError(409, 'CONFLICT', 'exists'))).toEqual(['name']);
    expect(assetFieldsInError(new ApiError(500, 'INTERNAL', 'failed'))).toEqual([]);
  });
});
